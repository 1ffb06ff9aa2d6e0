/**
 * engine/api.ts is what the app's page loads (engine/README.md "Layers"): nothing reachable from it at run time
 * may run scripts. Cruised apart from .dependency-cruiser.cjs because only this rule must ignore type-only
 * imports: api.ts re-exports the worker's answer types (FlowResult, MigrationReport, the products' views),
 * which the compiler erases and the bundle never sees, while the layer and cycle rules count every import.
 */
const base = require("./.dependency-cruiser.cjs");

module.exports = {
  forbidden: [
    {
      name: "api-stays-light",
      comment:
        "engine/api.ts is what the app's page loads: nothing reachable from it may run scripts (sandbox, QuickJS, " +
        "acorn and the dialect checkers, the evaluators, the flow and product runners, JWT signing). jose itself " +
        "is reachable: the evidence reader decodes customers' JWTs with its decoders (tree-shaken, a few hundred " +
        "bytes); signing lives in engine/token/jwt.ts, which is not",
      severity: "error",
      from: { path: "^engine/api\\.ts$" },
      to: {
        reachable: true,
        path: [
          "^engine/(sandbox/(sandbox|module|host)|run|check|analysis)\\.ts$",
          "^engine/(dialect|evaluators|migrate)/",
          // products/*/declarations.ts are the products' declaration strings, with no imports, and
          // products/page-contract.ts the table of what the page decides of a product, which imports only
          // declaration strings and the catalog. (The catalog of ids and labels the page's selects need is contracts/catalog.ts,
          // outside these paths.)
          "^engine/products/(?![^/]+/declarations\\.ts$|page-contract\\.ts$)",
          "^engine/flow/(?!schema\\.ts$)",
          "^engine/token/jwt\\.ts$",
          "^node_modules/(quickjs-emscripten-core|@jitl|acorn|acorn-walk)/",
        ],
      },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};

/**
 * The layers of product.md, enforced (npm run lint:deps, part of npm test):
 *   engine/    platform-free: no node: built-ins, nothing of cli/, renderer/, electron/, contracts/ but the
 *              catalog of products and evaluators (contracts/catalog.ts), which engine and shell share
 *   cli/       Node; the engine only through engine/index.ts
 *   renderer/  the browser: no electron, no node:, no electron/ folder; the page takes the engine through
 *              engine/api.ts only, the engine worker through engine/index.ts
 *   electron/  main + preload: nothing of renderer/
 *   contracts/ what electron/ and renderer/ share: imports none of the layers
 * and no import cycles anywhere.
 */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", from: {}, to: { circular: true } },
    {
      name: "engine-is-platform-free",
      comment:
        "contracts/catalog.ts (the product and evaluator ids, no imports) is the one contracts/ file the engine " +
        "reads: the desktop shell's settings and menu need the same names, and contracts/ may import no layer",
      severity: "error",
      from: { path: "^engine/" },
      to: { path: ["^cli/", "^renderer/", "^electron/", "^contracts/"], pathNot: "^contracts/catalog\\.ts$" },
    },
    { name: "engine-no-node", severity: "error", from: { path: "^engine/" }, to: { dependencyTypes: ["core"] } },
    { name: "engine-no-electron", severity: "error", from: { path: "^engine/" }, to: { path: "^node_modules/electron/" } },
    { name: "renderer-no-node", severity: "error", from: { path: "^renderer/" }, to: { dependencyTypes: ["core"] } },
    {
      name: "renderer-no-electron",
      severity: "error",
      from: { path: "^renderer/" },
      to: { path: ["^node_modules/electron/", "^electron/", "^cli/"] },
    },
    { name: "electron-no-renderer", severity: "error", from: { path: "^electron/" }, to: { path: ["^renderer/", "^cli/"] } },
    {
      name: "contracts-are-neutral",
      severity: "error",
      from: { path: "^contracts/" },
      to: { path: ["^engine/", "^cli/", "^renderer/", "^electron/"] },
    },
    {
      name: "cli-through-engine-entry-points",
      comment: "cli/ uses the engine through engine/index.ts (runs) and engine/api.ts (types, pure helpers) only",
      severity: "error",
      from: { path: "^cli/" },
      to: { path: "^engine/", pathNot: "^engine/(index|api)\\.ts$" },
    },
    {
      name: "renderer-through-engine-entry-points",
      comment: "the page uses the engine through engine/api.ts only; the engine worker through engine/index.ts",
      severity: "error",
      from: { path: "^renderer/", pathNot: "^renderer/worker/" },
      to: { path: "^engine/", pathNot: "^engine/api\\.ts$" },
    },
    {
      name: "renderer-worker-through-engine-index",
      comment: "the engine worker runs scripts: it takes the engine through engine/index.ts",
      severity: "error",
      from: { path: "^renderer/worker/" },
      to: { path: "^engine/", pathNot: "^engine/(index|api)\\.ts$" },
    },
    // "api-stays-light" (what engine/api.ts may reach) is about what the page loads, so it counts runtime
    // imports only: .dependency-cruiser.api-weight.cjs, the second half of npm run lint:deps.
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^node_modules", "^dist/", "^out/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};

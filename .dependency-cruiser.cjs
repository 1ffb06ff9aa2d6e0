/**
 * The layers of product.md, enforced (npm run lint:deps, part of npm test):
 *   engine/    platform-free: no node: built-ins, nothing of cli/, renderer/, electron/, contracts/
 *   cli/       Node; the engine only through engine/index.ts
 *   renderer/  the browser: no electron, no node:, the engine only through engine/index.ts, no electron/ folder
 *   electron/  main + preload: nothing of renderer/
 *   contracts/ what electron/ and renderer/ share: imports none of the layers
 * and no import cycles anywhere.
 */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", from: {}, to: { circular: true } },
    {
      name: "engine-is-platform-free",
      severity: "error",
      from: { path: "^engine/" },
      to: { path: ["^cli/", "^renderer/", "^electron/", "^contracts/"] },
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
      name: "engine-through-its-entry-point",
      comment: "cli/ and renderer/ use the engine through engine/index.ts only",
      severity: "error",
      from: { path: "^(cli|renderer)/" },
      to: { path: "^engine/", pathNot: "^engine/index\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^node_modules", "^dist/", "^out/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};

/**
 * What npm test cruises: every rule of .dependency-cruiser.cjs, with the renderer's entry-point rule waived
 * for the files other tasks own while the renderer moved to engine/api.ts (issue 12): renderer/engine-client/
 * (the run supervisor's rewrite) and renderer/components/ProductPanels.tsx (the products' views). Each of
 * them needs only its engine imports pointed at engine/api.ts, which exports everything they take; then
 * delete this file and cruise with .dependency-cruiser.cjs (`npm run lint:deps:all` shows what is left).
 */
const base = require("./.dependency-cruiser.cjs");

const WAIVED_FROM = ["^renderer/engine-client/", "^renderer/components/ProductPanels\\.tsx$"];

module.exports = {
  ...base,
  forbidden: base.forbidden.map((rule) =>
    rule.name === "renderer-through-engine-entry-points"
      ? { ...rule, from: { ...rule.from, pathNot: [rule.from.pathNot, ...WAIVED_FROM] } }
      : rule,
  ),
};

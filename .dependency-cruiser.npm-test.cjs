/**
 * What npm test cruises: every rule of .dependency-cruiser.cjs except the renderer's entry-point rules, which
 * stay warnings there until renderer/'s imports move to engine/api.ts (see issue 12 and engine/README.md
 * "Layers"). npm test allows zero warnings; drop this file and use the main config once they are errors.
 */
const base = require("./.dependency-cruiser.cjs");

const PENDING = new Set(["renderer-through-engine-entry-points", "renderer-worker-through-engine-index"]);

module.exports = { ...base, forbidden: base.forbidden.filter((rule) => !PENDING.has(rule.name)) };

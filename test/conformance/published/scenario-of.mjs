/**
 * A published case's scenario: its source's with the case's on top; token and client merge field by field,
 * the rest is replaced. Shared by published.test.ts (what the playground runs on) and record.mjs (what the
 * next-generation recorder's bindings are built from), so both see the same data.
 */
export function scenarioOf(base, own = {}) {
  const out = { ...base, ...own };
  for (const key of ["token", "client"]) {
    if (base[key] && own[key]) out[key] = { ...base[key], ...own[key] };
  }
  return out;
}

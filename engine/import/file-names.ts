import type { ImportedScript } from "./exports";

/**
 * A file-name slug in the style of Frodo's export names, so an imported script lands in a file named
 * the way the engineer already knows it: "OAuth2 Access Token Modification Script" →
 * "OAuth2-Access-Token-Modification-Script", "ADFS Profile Normalization (JS)" → "ADFS-Profile-Normalization-(JS)".
 * Unlike Frodo, `*`, `"` and leading/trailing dots are dropped too, because Windows cannot have them
 * in file names. (Checked against the 391 name-based file names in frodo-cli's e2e exports: only
 * "TEMPLATE - OIDC Claims Script." differs, by its trailing dot.)
 */
export function scriptSlug(name: string): string {
  const slug = name
    .replace(/^https?:\/\//, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w\s$_+~.()'!\-@]+/g, "")
    .trim()
    .replace(/[\s-]+/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "");
  return slug;
}

/**
 * The longest slug used in a file name. File systems allow 255 bytes per name (ext4, APFS, NTFS); a slug
 * is ASCII (see scriptSlug), and ".scenario.json" plus a "-N" for a colliding name must still fit.
 */
export const MAX_SLUG_LENGTH = 200;

function shortened(slug: string): string {
  return slug.length <= MAX_SLUG_LENGTH ? slug : slug.slice(0, MAX_SLUG_LENGTH).replace(/[.-]+$/, "");
}

export interface PlannedScriptFiles {
  script: ImportedScript;
  /** `<slug>.js` or `<slug>.groovy`. */
  sourceFile: string;
  /** `<slug>.scenario.json`. */
  scenarioFile: string;
}

/**
 * File names for each imported script. Two scripts with the same slug (the same default script
 * exported from two realms, or names differing only in case) get `-2`, `-3`… so no file is written twice.
 */
export function planScriptFiles(scripts: readonly ImportedScript[]): PlannedScriptFiles[] {
  const taken = new Set<string>();
  return scripts.map((script) => {
    const base = shortened(scriptSlug(script.name) || (script.id ? scriptSlug(script.id) : "") || "script");
    let slug = base;
    for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
    taken.add(slug.toLowerCase());
    const extension = script.language === "GROOVY" ? "groovy" : "js";
    return { script, sourceFile: `${slug}.${extension}`, scenarioFile: `${slug}.scenario.json` };
  });
}

/** The scenario stub written beside an imported script: enough to run it with every other field defaulted. */
export function scenarioStub(script: ImportedScript, schemaReference?: string): Record<string, unknown> {
  const stub: Record<string, unknown> = {};
  if (schemaReference !== undefined) stub.$schema = schemaReference;
  stub.name = script.name;
  if (script.description !== undefined) stub.description = script.description;
  stub.evaluator = script.evaluator;
  stub.scriptName = script.name;
  if (script.realm !== undefined) stub.realm = script.realm;
  return stub;
}

/**
 * Evidence: the files a customer sends (client configuration, user profile, token, introspection, HAR, mock files),
 * each recognised by its content and turned into part of a scenario. What each gave, what it ignored and which
 * secrets were kept out are reported, so a support engineer sees how the scenario was built.
 */
export interface EvidenceFile {
  /** The file's name as the user gave it (only for messages). */
  name: string;
  text: string;
}

/** A secret found in the evidence and replaced by a placeholder; never copied into the scenario. */
export interface Redaction {
  file: string;
  /** Where in the file, e.g. `$.coreOAuth2ClientConfig.userpassword` or `header Authorization`. */
  place: string;
  placeholder: string;
}

/** What one file contributes. `scenario` holds only scenario fields, in the scenario file's own shape. */
export interface Contribution {
  file: string;
  /** What the file was recognised as, e.g. "OAuth2 client (Frodo export)". */
  kind: string;
  scenario: Record<string, unknown>;
  /** Things read but not used (unsupported matchers, other entries), in words. */
  ignored: string[];
  /** Facts for the engineer that are not scenario inputs, e.g. claims a customer's script set. */
  notes: string[];
  redactions: Redaction[];
}

export class EvidenceError extends Error {
  constructor(
    readonly file: string,
    readonly place: string,
    message: string,
  ) {
    super(`${file}${place ? `: ${place}` : ""}: ${message}`);
    this.name = "EvidenceError";
  }
}

export function placeholder(what: string): string {
  return `<redacted:${what}>`;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A contribution with nothing in it yet. */
export function contribution(file: string, kind: string): Contribution {
  return { file, kind, scenario: {}, ignored: [], notes: [], redactions: [] };
}

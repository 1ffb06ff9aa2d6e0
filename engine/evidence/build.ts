/**
 * buildScenarioFromEvidence(files): one scenario from whatever a customer sent, each file recognised by its
 * content. Later files override earlier ones field by field, and every override of a different value is reported.
 */
import { parseJsonDocument } from "../import/json-text";
import { ImportError } from "../import/import-error";
import { validateScenario } from "../scenario/validate";
import { recogniseOAuth2Client } from "./oauth2-client";
import { recogniseUser } from "./user";
import { looksLikeJwt, recogniseIntrospection, recogniseJwt, recogniseTokenResponse } from "./token";
import { recogniseHar } from "./har";
import { recogniseMockServer, recogniseWireMock } from "./mocks";
import { EvidenceError, isRecord, type Contribution, type EvidenceFile, type Redaction } from "./types";

export interface EvidenceReport {
  file: string;
  kind: string;
  /** Scenario fields the file filled, as JSON paths. */
  filled: string[];
  ignored: string[];
  notes: string[];
}

export interface EvidenceOutcome {
  scenario: Record<string, unknown>;
  reports: EvidenceReport[];
  redactions: Redaction[];
  /** A later file gave another value for a field an earlier one filled. */
  conflicts: { path: string; kept: string; replaced: string }[];
}

/** JSON recognisers, most specific first (a HAR's entries hold token responses; a client export is not a user). */
const JSON_RECOGNISERS: ((file: string, json: unknown) => Contribution | null)[] = [
  recogniseHar,
  recogniseOAuth2Client,
  recogniseMockServer,
  recogniseWireMock,
  recogniseTokenResponse,
  recogniseIntrospection,
  (file, json) => recogniseUser(file, json),
];

export function recogniseEvidence(file: EvidenceFile): Contribution {
  const text = file.text.trim();
  if (looksLikeJwt(text)) {
    const jwt = recogniseJwt(file.name, text);
    if (jwt) return jwt;
    throw new EvidenceError(file.name, "", "looks like a JWT but its header or claims are not Base64url-encoded JSON");
  }
  let json: unknown;
  try {
    json = parseJsonDocument(file.text, file.name);
  } catch (e) {
    if (e instanceof ImportError) throw new EvidenceError(file.name, e.line ? `line ${e.line}, column ${e.column}` : e.path, e.detail);
    throw e;
  }
  for (const recognise of JSON_RECOGNISERS) {
    const found = recognise(file.name, json);
    if (found) return found;
  }
  const keys = isRecord(json) ? Object.keys(json).slice(0, 6).join(", ") : Array.isArray(json) ? "a list" : typeof json;
  throw new EvidenceError(
    file.name,
    "$",
    `not a kind of evidence the playground reads (top level: ${keys}). It reads OAuth2 client exports (AM REST, Amster, Frodo), IDM or AM users, JWTs, token and introspection responses, HAR files, MockServer expectations and WireMock mappings`,
  );
}

function paths(value: unknown, prefix: string): string[] {
  if (!isRecord(value) || prefix === "$.http" || prefix.startsWith("$.openidm") || prefix.endsWith("customProperties") || prefix.endsWith("attributes")) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([k, v]) => paths(v, `${prefix}.${k}`));
}

/** Merges `over` into `into` field by field; lists (http mocks) append, other values replace and are reported. */
function merge(into: Record<string, unknown>, over: Record<string, unknown>, prefix: string, conflicts: EvidenceOutcome["conflicts"], from: string, owners: Map<string, string>): void {
  for (const [key, value] of Object.entries(over)) {
    const path = `${prefix}.${key}`;
    const current = into[key];
    if (path === "$.http" && Array.isArray(current) && Array.isArray(value)) {
      into[key] = [...current, ...value];
    } else if (isRecord(current) && isRecord(value) && !path.endsWith("attributes") && !path.endsWith("customProperties")) {
      merge(current, value, path, conflicts, from, owners);
    } else {
      if (current !== undefined && JSON.stringify(current) !== JSON.stringify(value)) {
        conflicts.push({ path, kept: `${JSON.stringify(value)} from ${from}`, replaced: `${JSON.stringify(current)} from ${owners.get(path) ?? "an earlier file"}` });
      }
      into[key] = isRecord(value) ? { ...value } : value;
      owners.set(path, from);
    }
  }
}

export function buildScenarioFromEvidence(files: EvidenceFile[]): EvidenceOutcome {
  const scenario: Record<string, unknown> = {};
  const conflicts: EvidenceOutcome["conflicts"] = [];
  const owners = new Map<string, string>();
  const reports: EvidenceReport[] = [];
  const redactions: Redaction[] = [];
  for (const file of files) {
    const found = recogniseEvidence(file);
    merge(scenario, found.scenario, "$", conflicts, file.name, owners);
    reports.push({ file: file.name, kind: found.kind, filled: paths(found.scenario, "$").filter((p) => p !== "$"), ignored: found.ignored, notes: found.notes });
    redactions.push(...found.redactions);
  }
  // A client-credentials token is the client's own: the user defaults do not apply.
  const token = scenario.token as Record<string, unknown> | undefined;
  if (token?.grantType === "client_credentials" && !scenario.identity && isRecord(scenario.client)) {
    scenario.identity = { id: scenario.client.clientId, username: scenario.client.clientId };
  }
  const checked = validateScenario(scenario);
  if (!checked.ok) {
    const first = checked.issues[0];
    throw new EvidenceError(files.map((f) => f.name).join(", "), first.path, `the evidence gives an invalid scenario: ${first.message}`);
  }
  return { scenario: { $schema: "https://token-playground.dev/schema/scenario.json", name: `From ${files.map((f) => f.name).join(", ")}`, ...scenario }, reports, redactions, conflicts };
}

/**
 * The scenario form edits the scenario JSON document in place: each field reads its value from the
 * document (or the default the engine would use) and writes back only the part it owns, so fields the
 * form does not show (mock headers, openidm objects, comments-free formatting aside) survive a form edit.
 */
export type JsonObject = Record<string, unknown>;

export interface NamedValues {
  name: string;
  values: string[];
}

export interface NamedValue {
  name: string;
  /** Shown as text: strings as they are, anything else as JSON. */
  value: string;
}

export interface MockRow {
  method: string;
  url: string;
  status: number;
  /** Response body as text; JSON text becomes `response.json`, anything else `response.body`. */
  body: string;
}

export interface ScenarioFormValues {
  username: string;
  userId: string;
  attributes: NamedValues[];
  clientId: string;
  customProperties: NamedValue[];
  scopes: string;
  headers: NamedValues[];
  storage: "server-side" | "client-side";
  lifetimeSeconds: number;
  mocks: MockRow[];
}

/** Defaults as the engine applies them (engine/scenario/schema.ts), so the form shows what will run. */
const DEFAULTS = {
  username: "bjensen",
  userId: "014c54bd-6078-4639-8316-8ce0e7746fa4",
  clientId: "myClient",
  scopes: ["access"],
  headers: { "User-Agent": ["curl/8.5.0"] } as Record<string, string[]>,
  storage: "server-side" as const,
  lifetimeSeconds: 3600,
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function getIn(doc: unknown, path: readonly string[]): unknown {
  let node = doc;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** A copy of `doc` with `value` at `path`, creating objects on the way; `undefined` removes the key. */
export function setIn(doc: unknown, path: readonly string[], value: unknown): JsonObject {
  const base: JsonObject = isObject(doc) ? { ...doc } : {};
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (value === undefined) delete base[head];
    else base[head] = value;
    return base;
  }
  base[head] = setIn(base[head], rest, value);
  return base;
}

function multiMapRows(value: unknown): NamedValues[] {
  if (!isObject(value)) return [];
  return Object.entries(value).map(([name, values]) => ({
    name,
    values: Array.isArray(values) ? values.map(String) : [String(values)],
  }));
}

/** Rows back to a multi-valued map; rows without a name are dropped (the user is still typing them). */
export function rowsToMultiMap(rows: readonly NamedValues[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (name) out[name] = row.values;
  }
  return out;
}

function propertyText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Text that reads as JSON (numbers, booleans, objects, arrays, quoted strings) stays typed; else a string. */
export function parsePropertyText(text: string): unknown {
  const trimmed = text.trim();
  if (/^(-?\d|\{|\[|"|true$|false$|null$)/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return text;
}

export function rowsToProperties(rows: readonly NamedValue[]): JsonObject {
  const out: JsonObject = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (name) out[name] = parsePropertyText(row.value);
  }
  return out;
}

/** Scopes as typed in an OAuth request: separated by spaces. */
export function parseScopes(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function mockRows(value: unknown): MockRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((mock) => {
    const request = isObject(mock) && isObject(mock.request) ? mock.request : {};
    const response = isObject(mock) && isObject(mock.response) ? mock.response : {};
    const body =
      response.json !== undefined
        ? JSON.stringify(response.json, null, 2)
        : typeof response.body === "string"
          ? response.body
          : "";
    return {
      method: typeof request.method === "string" ? request.method : "GET",
      url: typeof request.url === "string" ? request.url : typeof request.urlPattern === "string" ? request.urlPattern : "",
      status: typeof response.status === "number" ? response.status : 200,
      body,
    };
  });
}

/** Mock rows written over the existing mocks, keeping what the form does not show (headers, times, …). */
export function mocksToDoc(existing: unknown, rows: readonly MockRow[]): JsonObject[] {
  const old = Array.isArray(existing) ? existing : [];
  return rows.map((row, index) => {
    const previous = isObject(old[index]) ? (old[index] as JsonObject) : {};
    const request: JsonObject = { ...(isObject(previous.request) ? previous.request : {}) };
    request.method = row.method;
    if ("urlPattern" in request && !("url" in request)) request.urlPattern = row.url;
    else request.url = row.url;
    const response: JsonObject = { ...(isObject(previous.response) ? previous.response : {}) };
    response.status = row.status;
    delete response.json;
    delete response.body;
    const trimmed = row.body.trim();
    if (trimmed) {
      const typed = parsePropertyText(trimmed);
      if (typeof typed === "string") response.body = row.body;
      else response.json = typed;
    }
    return { ...previous, request, response };
  });
}

/** What the form shows for a scenario document (defaults filled in where the document is silent). */
export function readForm(doc: unknown): ScenarioFormValues {
  const scopes = getIn(doc, ["scopes"]);
  const headers = getIn(doc, ["request", "headers"]);
  const storage = getIn(doc, ["token", "storage"]);
  const lifetime = getIn(doc, ["token", "lifetimeSeconds"]);
  const str = (path: string[], fallback: string) => {
    const v = getIn(doc, path);
    return typeof v === "string" ? v : fallback;
  };
  return {
    username: str(["identity", "username"], DEFAULTS.username),
    userId: str(["identity", "id"], DEFAULTS.userId),
    attributes: multiMapRows(getIn(doc, ["identity", "attributes"])),
    clientId: str(["client", "clientId"], DEFAULTS.clientId),
    customProperties: Object.entries((getIn(doc, ["client", "customProperties"]) as JsonObject) ?? {}).map(
      ([name, value]) => ({ name, value: propertyText(value) }),
    ),
    scopes: (Array.isArray(scopes) ? scopes.map(String) : DEFAULTS.scopes).join(" "),
    headers: multiMapRows(headers === undefined ? DEFAULTS.headers : headers),
    storage: storage === "client-side" ? "client-side" : DEFAULTS.storage,
    lifetimeSeconds: typeof lifetime === "number" ? lifetime : DEFAULTS.lifetimeSeconds,
    mocks: mockRows(getIn(doc, ["http"])),
  };
}

export type FormEdit =
  | { field: "username" | "userId" | "clientId" | "scopes"; value: string }
  | { field: "attributes" | "headers"; rows: NamedValues[] }
  | { field: "customProperties"; rows: NamedValue[] }
  | { field: "storage"; value: "server-side" | "client-side" }
  | { field: "lifetimeSeconds"; value: number }
  | { field: "mocks"; rows: MockRow[] };

/** Applies one form edit to the document; everything else in it stays as it was. */
export function applyFormEdit(doc: unknown, edit: FormEdit): JsonObject {
  switch (edit.field) {
    case "username":
      return setIn(doc, ["identity", "username"], edit.value);
    case "userId":
      return setIn(doc, ["identity", "id"], edit.value);
    case "clientId":
      return setIn(doc, ["client", "clientId"], edit.value);
    case "scopes":
      return setIn(doc, ["scopes"], parseScopes(edit.value));
    case "attributes":
      return setIn(doc, ["identity", "attributes"], rowsToMultiMap(edit.rows));
    case "headers":
      return setIn(doc, ["request", "headers"], rowsToMultiMap(edit.rows));
    case "customProperties":
      return setIn(doc, ["client", "customProperties"], rowsToProperties(edit.rows));
    case "storage":
      return setIn(doc, ["token", "storage"], edit.value);
    case "lifetimeSeconds":
      return setIn(doc, ["token", "lifetimeSeconds"], edit.value);
    case "mocks":
      return setIn(doc, ["http"], mocksToDoc(getIn(doc, ["http"]), edit.rows));
  }
}

const LINE_WIDTH = 100;

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}

function pretty(value: unknown, indent: string, used: number): string {
  const flat = inline(value);
  if (used + flat.length <= LINE_WIDTH || value === null || typeof value !== "object") return flat;
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + pretty(v, inner, inner.length)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const lines = entries.map(([k, v]) => {
    const head = `${inner}${JSON.stringify(k)}: `;
    return head + pretty(v, inner, head.length);
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/**
 * The document as the JSON tab shows it after a form edit: like the sample files, short lists and objects
 * stay on one line, so a form edit does not turn a 30-line file into 80.
 */
export function formatScenario(doc: unknown): string {
  return pretty(doc, "", 0) + "\n";
}

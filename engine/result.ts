/**
 * The run result: what `run(script, scenario)` returns, what `--json` prints, what the worker posts
 * and what the panels show. Field names are fixed by the product contract (shared/design/product.md).
 */
import type { Evaluator } from "./scenario/schema";

export type ErrorKind = "syntax" | "runtime" | "timeout" | "memory" | "binding";

export interface RunError {
  kind: ErrorKind;
  message: string;
  /** 1-based line in the user's script, when known. */
  line?: number;
  /** 1-based column in the user's script, when known. */
  column?: number;
}

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";

export interface LogEntry {
  level: LogLevel;
  message: string;
}

export interface HttpCallRecord {
  method: string;
  url: string;
  /** Response status; absent when the call failed before a response (no mock matched). */
  status?: number;
  /** Index of the scenario mock that answered, or null when none matched. */
  mock: number | null;
  /** Request headers the script sent (names as given). */
  headers?: Record<string, string[]>;
  body?: string;
  /** Why no mock matched, naming the nearest candidates. */
  error?: string;
}

export interface OpenIdmCallRecord {
  op: "create" | "read" | "update" | "patch" | "query" | "delete" | "action";
  id: string;
  /** Set when the call failed (e.g. not found). */
  error?: string;
}

export interface RunWarning {
  code: string;
  message: string;
  line?: number;
}

/** A token's fields: native ones AM sets plus the script's custom fields. */
export type TokenFields = Record<string, unknown>;

export interface TokenSnapshot {
  before: TokenFields;
  after: TokenFields;
  /** Keys whose values the script added, changed or removed (native and custom). */
  changes: { added: string[]; changed: string[]; removed: string[] };
  /** Extra data entries added for the token endpoint response (addExtraData / addExtraJsonData). */
  extraData: Record<string, unknown>;
}

/** What /json/token/macaroon?_action=inspect shows, plus the serialized token and its size. */
export interface MacaroonView {
  serialized: string;
  format: "libmacaroons-v2-binary-base64url";
  identifier: string;
  location: string;
  caveats: ({ type: "first-party"; identifier: unknown } | { type: "third-party"; location: string; identifier: string })[];
  /** Base64url, as /json/token/macaroon?_action=inspect shows it. */
  signature: string;
  bytes: number;
  /** What AM holds for the token (introspection before its caveats apply): caveats narrow it, never add to it. */
  unrestrictedIntrospection: Record<string, unknown>;
  /** The X-Discharge-Macaroon values the introspection was made with (the scenario's token.dischargeMacaroons). */
  dischargeMacaroons: string[];
}

export interface JwtView {
  compact: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** Size of the compact serialization in bytes. */
  bytes: number;
}

/**
 * What the client receives when the script fails: AM does not issue an unmodified token, the token request
 * fails (reference flows-and-hooks.md §A.6). The message is AM's own; the status and the body's shape are
 * inferred (the default script's comment says 500; the shape is that of AM's sibling script failures).
 */
export interface FailureResponse {
  status: number;
  body: { error: string; error_description: string };
  /** Which parts of this response are inferred rather than seen in AM (JSON Pointers into this object). */
  inferred: string[];
  note: string;
}

export const TOKEN_REQUEST_FAILURE: FailureResponse = {
  status: 500,
  body: { error: "server_error", error_description: "Error running access token modification plugin" },
  inferred: ["/status", "/body/error"],
  note:
    "AM fails the whole token request with the message \"Error running access token modification plugin\" (verified); the HTTP status 500 and the server_error body are inferred from the default script's comment and AM's sibling script failures.",
};

/** What outlives one run of a grant's requests: data only, so it crosses a worker boundary as it is. */
export interface RunWorld {
  openidm: Record<string, Record<string, unknown>>;
}

export interface RunResult {
  evaluator: Evaluator;
  ok: boolean;
  error: RunError | null;
  tokenResponse: Record<string, unknown> | null;
  /** The token endpoint's failure response when the script failed (then tokenResponse is null); null when it ran. */
  failure?: FailureResponse | null;
  introspection: Record<string, unknown> | null;
  token: TokenSnapshot | null;
  jwt: JwtView | null;
  /** token.storage "macaroon": the access token as /json/token/macaroon inspects it, with its serialized form. */
  macaroon?: MacaroonView;
  idToken: JwtView | null;
  logs: LogEntry[];
  http: HttpCallRecord[];
  openidm: OpenIdmCallRecord[];
  warnings: RunWarning[];
  timings: { evalMs: number; totalMs: number };
  /**
   * What this run leaves for the grant's next request: the IDM's objects (keyed by full id, as a scenario's
   * `openidm`) when the script created, updated, patched or deleted one; absent when it changed nothing.
   */
  world?: RunWorld;
  /**
   * JSON Pointers (from the result's root, e.g. "/introspection/n") of numbers AM holds as java.lang.Double;
   * AM prints them as `42.0` (formatAmJson does too).
   */
  javaDoubles?: string[];
}

/** A result with nothing issued: a syntax error before the run, or a run stopped from outside (watchdog). */
export function emptyRunResult(evaluator: Evaluator, error: RunError | null): RunResult {
  return {
    evaluator,
    ok: error === null,
    error,
    tokenResponse: null,
    failure: error === null ? null : freshFailure(),
    introspection: null,
    token: null,
    jwt: null,
    idToken: null,
    logs: [],
    http: [],
    openidm: [],
    warnings: [],
    timings: { evalMs: 0, totalMs: 0 },
    javaDoubles: [],
  };
}

/** A fresh copy per result, so one result's consumer cannot change another's. */
function freshFailure(): FailureResponse {
  return { ...TOKEN_REQUEST_FAILURE, body: { ...TOKEN_REQUEST_FAILURE.body }, inferred: [...TOKEN_REQUEST_FAILURE.inferred] };
}

/**
 * check() for OneWelcome: the hook is an HTTP service the user runs, so what can be checked here is what the
 * playground holds, against the hook's contract (contract.ts):
 * - a JS handler (`function handle(request) { … }`, modern JS as the user's own service): its syntax, that it
 *   defines handle, the request fields it reads and the answer fields it returns;
 * - a MockServer expectation file (JSON): its syntax, that its matcher can meet the request OneWelcome sends
 *   (POST at /v1/customize-access-token, the Authorization the scenario's authentication sends) and that the
 *   answer it gives keeps the contract;
 * - the scenario's hook settings (hookUrl, authentication).
 * What it cannot check: a real hook service (check calls nothing: whether it is up, answers in time, validates
 * the bearer JWT or keeps the contract shows only when run or flow calls it), and what a handler computes
 * (that needs a run).
 */
import { parse } from "acorn";
import { simpleWalk } from "../../dialect/walk";
import type { RunError, RunWarning } from "../../result";
import { base64, utf8 } from "../../util/random";
import { HOOK_PATH, checkHookResponse, hookRequestSchema, hookResponseSchema } from "./contract";

export interface HookCheck {
  ok: boolean;
  error: RunError | null;
  warnings: RunWarning[];
}

/** The scenario's onewelcome settings that decide what the hook receives. */
export interface HookSettings {
  hookUrl?: string;
  authentication?: "none" | "basic" | "jwt";
  username?: string;
  password?: string;
}

type Node = { type: string; start: number; end: number; loc?: { start: { line: number; column: number } } } & Record<string, any>;

const REQUEST_FIELDS = Object.keys(hookRequestSchema.shape);
const ANSWER_FIELDS = Object.keys(hookResponseSchema.shape);
/** The members of the request's nested objects, as the contract has them. */
const NESTED_FIELDS: Record<string, string[]> = {
  user: Object.keys(hookRequestSchema.shape.user.unwrap().shape),
  client: Object.keys(hookRequestSchema.shape.client.shape),
  executionContext: Object.keys(hookRequestSchema.shape.executionContext.shape),
};
/** What any JS value has, so reading it is no mistake (request.scopes.length is the array's). */
const VALUE_MEMBERS = new Set(["hasOwnProperty", "toString", "valueOf", "constructor"]);

function lineOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: index - last };
}

export function settingsWarnings(settings: HookSettings): RunWarning[] {
  const warnings: RunWarning[] = [];
  if (settings.hookUrl) {
    warnings.push({
      code: "onewelcome-hook-service",
      message: `onewelcome.hookUrl is set: run and flow POST to ${settings.hookUrl.replace(/\/+$/, "")}${HOOK_PATH} and do not use this file. check calls nothing, so it cannot tell whether that service is up, answers in time, accepts the authentication or keeps the contract; run it to see.`,
    });
  }
  if (settings.authentication === "basic" && (settings.username === undefined || settings.password === undefined)) {
    warnings.push({
      code: "onewelcome-basic-credentials",
      message: `onewelcome.authentication is "basic" without ${settings.username === undefined ? "username" : "password"}: the hook receives Authorization: Basic with an empty ${settings.username === undefined ? "user name" : "password"}.`,
    });
  }
  return warnings;
}

/** Where a JSON key first appears at or after `from` (for a warning's line). */
function keyIndex(text: string, key: string, from: number): number {
  const at = text.indexOf(`"${key}"`, from);
  return at < 0 ? from : at;
}

function bodyOf(raw: unknown): unknown {
  if (raw && typeof raw === "object" && (raw as { type?: unknown }).type === "JSON") {
    const json = (raw as { json?: unknown }).json;
    if (typeof json !== "string") return json;
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  }
  if (typeof raw === "string") {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

function checkExpectationFile(text: string, settings: HookSettings): HookCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    const at = position ? lineOf(text, Number(position[1])) : null;
    return { ok: false, error: { kind: "syntax", message: `The MockServer expectation file is not valid JSON: ${message}`, ...(at ? { line: at.line, column: at.column } : {}) }, warnings: [] };
  }
  const list = Array.isArray(json) ? json : [json];
  const warnings: RunWarning[] = [];
  let from = 0;
  for (const [i, expectation] of list.entries()) {
    const where = Array.isArray(json) ? `$[${i}]` : "$";
    if (!expectation || typeof expectation !== "object" || !("httpRequest" in expectation)) {
      return { ok: false, error: { kind: "binding", message: `${where}: not a MockServer expectation (it has no httpRequest): the hook file is a JS handler (function handle(request)) or MockServer expectations` }, warnings };
    }
    from = keyIndex(text, "httpRequest", from);
    const line = lineOf(text, from).line;
    const e = expectation as { httpRequest?: Record<string, unknown>; httpResponse?: Record<string, unknown> };
    const matcher = e.httpRequest ?? {};
    const at = (key: string) => lineOf(text, keyIndex(text, key, from)).line;
    if (typeof matcher.method === "string" && matcher.method.toUpperCase() !== "POST") {
      warnings.push({ code: "onewelcome-matcher", message: `${where}.httpRequest.method: OneWelcome calls the hook with POST, so "${matcher.method}" never matches.`, line: at("method") });
    }
    if (typeof matcher.path === "string" && matcher.path !== HOOK_PATH) {
      warnings.push({ code: "onewelcome-matcher", message: `${where}.httpRequest.path: OneWelcome calls the hook at ${HOOK_PATH}, so "${matcher.path}" never matches (the playground compares the path exactly).`, line: at("path") });
    }
    const headers = matcher.headers && typeof matcher.headers === "object" ? (matcher.headers as Record<string, unknown>) : {};
    const wantedAuth = Object.entries(headers).find(([name]) => name.toLowerCase() === "authorization")?.[1];
    if (wantedAuth !== undefined) {
      const wanted = (Array.isArray(wantedAuth) ? wantedAuth : [wantedAuth]).map(String);
      const auth = settings.authentication ?? "none";
      if (auth === "none") {
        warnings.push({ code: "onewelcome-matcher", message: `${where}.httpRequest.headers.Authorization: the scenario's onewelcome.authentication is "none", so no Authorization header is sent and this never matches.`, line: at("headers") });
      } else if (auth === "basic") {
        const sent = `Basic ${base64(utf8.encode(`${settings.username ?? ""}:${settings.password ?? ""}`))}`;
        if (wanted.length && !wanted.includes(sent)) {
          warnings.push({ code: "onewelcome-matcher", message: `${where}.httpRequest.headers.Authorization: the scenario's basic credentials send ${JSON.stringify(sent)}, the expectation wants ${wanted.map((w) => JSON.stringify(w)).join(" or ")}.`, line: at("headers") });
        }
      } else if (wanted.length && !wanted.some((w) => /^Bearer /i.test(w))) {
        warnings.push({ code: "onewelcome-matcher", message: `${where}.httpRequest.headers.Authorization: with "jwt" authentication the hook receives "Bearer <JWT>", so ${wanted.map((w) => JSON.stringify(w)).join(" or ")} never matches.`, line: at("headers") });
      }
    }
    const response = e.httpResponse;
    if (!response || typeof response !== "object") {
      warnings.push({ code: "onewelcome-answer", message: `${where}: the expectation has no httpResponse, so the playground has no answer from it.`, line });
      continue;
    }
    const status = typeof response.statusCode === "number" ? response.statusCode : 200;
    if (status < 200 || status > 299) {
      warnings.push({ code: "onewelcome-answer", message: `${where}.httpResponse.statusCode: the hook answers HTTP ${status}, so the token request fails (what the client then receives is not documented).`, line: at("statusCode") });
    }
    const body = bodyOf(response.body);
    const verdict = checkHookResponse(body ?? {});
    if (!verdict.ok) {
      for (const problem of verdict.problems) {
        warnings.push({ code: "onewelcome-answer", message: `${where}.httpResponse.body: the answer breaks the hook contract at ${problem}; the token request fails.`, line: at("body") });
      }
    } else if (body && typeof body === "object") {
      for (const key of Object.keys(body)) {
        if (!ANSWER_FIELDS.includes(key)) {
          warnings.push({ code: "onewelcome-answer-field", message: `${where}.httpResponse.body.${key}: the contract's answer has only ${ANSWER_FIELDS.join(" and ")}; the playground ignores ${key}.`, line: at(key) });
        }
      }
    }
  }
  return { ok: true, error: null, warnings };
}

/** The `handle` function of a handler script: its declaration node, or null. */
function handleFunction(program: Node): Node | null {
  for (const statement of program.body as Node[]) {
    if (statement.type === "FunctionDeclaration" && statement.id?.name === "handle") return statement;
    if (statement.type === "VariableDeclaration") {
      for (const d of statement.declarations as Node[]) {
        if (d.id.type === "Identifier" && d.id.name === "handle" && d.init && /Function/.test(d.init.type)) return d.init;
      }
    }
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      const a = statement.expression;
      if (a.left.type === "Identifier" && a.left.name === "handle" && /Function/.test(a.right.type)) return a.right;
    }
  }
  return null;
}

function checkHandler(source: string): HookCheck {
  let program: Node;
  try {
    program = parse(source, { ecmaVersion: "latest", sourceType: "script", locations: true }) as unknown as Node;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    return { ok: false, error: { kind: "syntax", message: String((e as Error).message).replace(/ \(\d+:\d+\)$/, ""), ...(loc ? { line: loc.line, column: loc.column + 1 } : {}) }, warnings: [] };
  }
  const handle = handleFunction(program);
  if (!handle) {
    return { ok: false, error: { kind: "binding", message: "The hook script must define function handle(request) { return { removeScopes, additionalClaims }; } (the playground calls it with the hook request)" }, warnings: [] };
  }
  const warnings: RunWarning[] = [];
  const param = (handle.params as Node[])[0];
  const requestName = param?.type === "Identifier" ? String(param.name) : null;
  const line = (n: Node) => n.loc?.start.line ?? 0;
  simpleWalk(handle.body, {
    MemberExpression(node) {
      const n = node as unknown as Node;
      if (n.computed || n.property.type !== "Identifier" || !requestName) return;
      const field = String(n.property.name);
      if (n.object.type === "Identifier" && n.object.name === requestName) {
        if (!REQUEST_FIELDS.includes(field) && !VALUE_MEMBERS.has(field)) {
          warnings.push({ code: "onewelcome-request-field", message: `${requestName}.${field}: the hook request has no ${field} (the contract's fields: ${REQUEST_FIELDS.join(", ")}), so it reads undefined.`, line: line(n) });
        }
        return;
      }
      const o = n.object as Node;
      if (o.type === "MemberExpression" && !o.computed && o.object.type === "Identifier" && o.object.name === requestName && o.property.type === "Identifier") {
        const known = NESTED_FIELDS[String(o.property.name)];
        if (known && !known.includes(field) && !VALUE_MEMBERS.has(field)) {
          warnings.push({ code: "onewelcome-request-field", message: `${requestName}.${String(o.property.name)}.${field}: the contract's ${String(o.property.name)} has only ${known.join(", ")}, so it reads undefined.`, line: line(n) });
        }
      }
    },
    ReturnStatement(node) {
      const value = (node as unknown as Node).argument as Node | null;
      if (!value || value.type !== "ObjectExpression") return;
      for (const p of value.properties as Node[]) {
        if (p.type !== "Property" || p.computed) continue;
        const key = p.key.type === "Identifier" ? String(p.key.name) : typeof p.key.value === "string" ? p.key.value : null;
        if (key === null) continue;
        if (!ANSWER_FIELDS.includes(key)) {
          warnings.push({ code: "onewelcome-answer-field", message: `The answer's ${key}: the contract's answer has only ${ANSWER_FIELDS.join(" and ")}; the playground ignores ${key}.`, line: line(p) });
        } else if (key === "removeScopes" && ["ObjectExpression", "Literal", "TemplateLiteral"].includes(p.value.type)) {
          warnings.push({ code: "onewelcome-answer", message: "The answer's removeScopes must be an array of scope names; this answer breaks the contract and the token request fails.", line: line(p) });
        } else if (key === "additionalClaims" && ["ArrayExpression", "Literal", "TemplateLiteral"].includes(p.value.type) && !(p.value.type === "Literal" && p.value.value === null)) {
          warnings.push({ code: "onewelcome-answer", message: "The answer's additionalClaims must be an object of claim names to values; this answer breaks the contract and the token request fails.", line: line(p) });
        }
      }
    },
  });
  return { ok: true, error: null, warnings };
}

/** Checks the hook file (a JS handler or MockServer expectations, told apart by content) and the hook settings. */
export function checkOneWelcomeHook(text: string, settings: HookSettings = {}): HookCheck {
  const trimmed = text.trim();
  const outcome = trimmed.startsWith("{") || trimmed.startsWith("[") ? checkExpectationFile(text, settings) : checkHandler(text);
  return { ...outcome, warnings: [...settingsWarnings(settings), ...outcome.warnings] };
}

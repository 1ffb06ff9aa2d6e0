/**
 * The scenario's `flow` as the form edits it: each edit returns the next flow array, written straight into the
 * scenario JSON. A step keeps only the keys its request takes (engine/flow/schema.ts is strict), so switching
 * a step from token to introspect drops grantType instead of leaving a step the engine refuses.
 */
import { FLOW_GRANT_TYPES, TOKEN_REFERENCES, USERINFO_PRODUCTS, type Product } from "../../engine/api";

export type FlowRequest = "authorize" | "token" | "introspect" | "revoke" | "userinfo";
export const FLOW_REQUESTS: readonly FlowRequest[] = ["authorize", "token", "introspect", "revoke", "userinfo"];
export { FLOW_GRANT_TYPES, TOKEN_REFERENCES };

/**
 * The requests a flow of this product can make: /userinfo only where the product's customisation runs there
 * (the engine's USERINFO_PRODUCTS; AM and OneWelcome refuse a userinfo step, so the editor does not offer it).
 */
export function flowRequestsFor(product: Product): readonly FlowRequest[] {
  const userinfo = (USERINFO_PRODUCTS as readonly string[]).includes(product);
  return FLOW_REQUESTS.filter((r) => r !== "userinfo" || userinfo);
}

export type FlowStepDoc = Record<string, unknown> & { request?: unknown };

export function readFlow(doc: unknown): FlowStepDoc[] {
  const flow = (doc as { flow?: unknown } | null)?.flow;
  return Array.isArray(flow) ? flow.map((s) => (s && typeof s === "object" && !Array.isArray(s) ? (s as FlowStepDoc) : {})) : [];
}

/** The keys each request takes besides `request` and `after`. */
const KEYS: Record<FlowRequest, readonly string[]> = {
  authorize: ["responseType", "scopes", "params"],
  token: ["grantType", "scopes", "params", "clientId"],
  introspect: ["token"],
  revoke: ["token"],
  userinfo: [],
};

/** A new step of this kind, with the defaults the engine would pick spelled out so the form shows them. */
export function newStep(request: FlowRequest, previous?: FlowStepDoc): FlowStepDoc {
  switch (request) {
    case "authorize":
      return { request, responseType: "code" };
    case "token":
      // After a code or a token: refresh is the next thing a client does; the first token is a code exchange.
      return { request, grantType: previous?.request === "authorize" ? "authorization_code" : previous ? "refresh_token" : "authorization_code" };
    case "introspect":
      return { request, token: "access_token" };
    case "revoke":
      return { request, token: "refresh_token" };
    case "userinfo":
      // Always with the grant's current access token: the request takes nothing else.
      return { request };
  }
}

/**
 * The step as another request kind: what both kinds mean the same by is kept (scopes, params, after); the rest
 * is the new kind's defaults (an introspected access token does not become a revoked one).
 */
export function withRequest(step: FlowStepDoc, request: FlowRequest): FlowStepDoc {
  if (step.request === request) return step;
  const next = newStep(request);
  for (const key of KEYS[request]) if (key in step && key !== "token") next[key] = step[key];
  if (step.after !== undefined) next.after = step.after;
  return next;
}

export function addStep(flow: FlowStepDoc[]): FlowStepDoc[] {
  const last = flow[flow.length - 1];
  const request: FlowRequest = !last ? "authorize" : last.request === "authorize" ? "token" : "introspect";
  return [...flow, newStep(request, last)];
}

export function removeStep(flow: FlowStepDoc[], index: number): FlowStepDoc[] {
  return flow.filter((_, i) => i !== index);
}

/** Swaps step `index` with its neighbour (`by` = -1 up, +1 down); out of range leaves the flow as it is. */
export function moveStep(flow: FlowStepDoc[], index: number, by: -1 | 1): FlowStepDoc[] {
  const to = index + by;
  if (index < 0 || index >= flow.length || to < 0 || to >= flow.length) return flow;
  const next = [...flow];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Sets one key of a step; undefined removes it (an emptied scopes field means "the scenario's scopes"). */
export function setStepKey(flow: FlowStepDoc[], index: number, key: string, value: unknown): FlowStepDoc[] {
  return flow.map((step, i) => {
    if (i !== index) return step;
    const { [key]: _old, ...rest } = step;
    return value === undefined ? rest : { ...step, [key]: value };
  });
}

/** `after` as typed: a number of seconds ≥ 0, or undefined (no wait) for an empty field; null when it is not a number. */
export function parseAfter(text: string): number | undefined | null {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The document with this flow; an empty flow removes the key, so the scenario is a single token request again. */
export function withFlow(doc: unknown, flow: FlowStepDoc[]): Record<string, unknown> {
  const base = doc && typeof doc === "object" && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  const { flow: _old, ...rest } = base;
  return flow.length ? { ...base, flow } : rest;
}

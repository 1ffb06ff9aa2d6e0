/**
 * OneWelcome's "Customize Access Token" web hook contract (Thales OpenAPI "Access Token Customization Web Hook"
 * 1.0.0; reference flows-and-hooks.md §D.1, peers-and-anchors.md §6.2): the request the Access service POSTs to
 * `<base URL>/v1/customize-access-token`, and the answer it accepts.
 */
import { z } from "zod";
import { safeParseKeepingProtoKeys, scenarioKey } from "../../scenario/proto-keys";

export const HOOK_PATH = "/v1/customize-access-token";

export const hookRequestSchema = z.object({
  user: z.object({ id: z.string() }).optional(),
  client: z.object({ id: z.string() }),
  scopes: z.array(z.string()),
  userClaims: z.record(z.string(), z.unknown()).optional(),
  executionContext: z.object({ ipAddress: z.string().optional(), triggeredBy: z.array(z.string()).optional() }),
  contextCustomParams: z.record(z.string(), z.array(z.string())).nullable().optional(),
});
export type HookRequest = z.infer<typeof hookRequestSchema>;

export const hookResponseSchema = z.object({
  removeScopes: z.array(z.string()).optional(),
  additionalClaims: z.record(z.string(), z.unknown()).optional(),
});
export type HookResponse = z.infer<typeof hookResponseSchema>;

/** A hook answer checked against the contract: the answer, or the JSON path and reason of every bad field. */
export function checkHookResponse(value: unknown): { ok: true; response: HookResponse } | { ok: false; problems: string[] } {
  // A claim named "__proto__" is a claim like any other (zod alone would drop it).
  const { parsed, standIn } = safeParseKeepingProtoKeys(hookResponseSchema, value);
  if (parsed.success) return { ok: true, response: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `$${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(scenarioKey(p, standIn))}`)).join("")}: ${i.message}`),
  };
}

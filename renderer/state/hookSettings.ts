/**
 * The scenario form's OneWelcome hook settings (`onewelcome` in the scenario): who answers the hook (the
 * script under edit, or the user's own service at hookUrl) and how the Access service authenticates to it.
 * Pure: read from and written into the scenario document, so the JSON view and the CLI see the same settings.
 */
import { hookAddress, loopbackRefusal } from "../../contracts/hook-call";

export type HookAuthentication = "none" | "basic" | "jwt";

export interface HookSettings {
  /** The service's base URL, or null when the script under edit answers. */
  hookUrl: string | null;
  authentication: HookAuthentication;
  username: string;
  password: string;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export function hookSettingsOf(doc: unknown): HookSettings {
  const ow = record(record(doc).onewelcome);
  const auth = ow.authentication;
  return {
    hookUrl: typeof ow.hookUrl === "string" ? ow.hookUrl : null,
    authentication: auth === "basic" || auth === "jwt" ? auth : "none",
    username: typeof ow.username === "string" ? ow.username : "",
    password: typeof ow.password === "string" ? ow.password : "",
  };
}

/**
 * The scenario with these settings changed; a field set to undefined is removed (hookUrl: the script answers
 * again). Credentials are written only for Basic authentication, as only it sends them.
 */
export function withHookSettings(doc: unknown, patch: Partial<{ hookUrl: string | undefined; authentication: HookAuthentication; username: string; password: string }>): Record<string, unknown> {
  const base = record(doc);
  const ow: Record<string, unknown> = { ...record(base.onewelcome) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete ow[key];
    else ow[key] = value;
  }
  if (ow.authentication !== "basic") {
    delete ow.username;
    delete ow.password;
  }
  if (ow.authentication === "none") delete ow.authentication;
  return { ...base, onewelcome: ow };
}

/** Why a typed service URL is not written to the scenario, or null when it is one the playground may call. */
export function hookUrlProblem(text: string): string | null {
  if (text.trim() === "") return "Enter the service's base URL, e.g. http://127.0.0.1:8085; the scenario keeps its last value until then.";
  const refusal = loopbackRefusal(text.trim());
  return refusal ? `Not written to the scenario: ${refusal}.` : null;
}

/** The address (host:port) a OneWelcome scenario's runs would call, or null when the script answers. */
export function scenarioHookAddress(doc: unknown): string | null {
  const { hookUrl } = hookSettingsOf(doc);
  return hookUrl === null ? null : hookAddress(hookUrl);
}

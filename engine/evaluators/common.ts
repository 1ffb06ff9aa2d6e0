/**
 * Bindings whose behaviour both evaluators share: logging with SLF4J-style `{}` placeholders, the
 * outgoing HTTP call against the scenario's mocks, and systemEnv.
 */
import { GuestError, HostObject, convertsItself, isGuestFunction } from "../sandbox/host";
import type { LogLevel } from "../result";
import { recordCall, type MockOutcome, type OutgoingRequest } from "../http/mocks";
import { warn, type RunContext } from "./context";
import { ownValue } from "../util/own-keys";
import { SYSTEM_ENV_MEMBERS } from "../bindings/tables/common";

/** Renders a value the way Java's String.valueOf would show the converted object. */
export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(javaToString).join(", ")}]`;
  if (value instanceof HostObject) {
    const self = value as unknown as { toString?: () => unknown };
    return typeof self.toString === "function" && self.toString !== Object.prototype.toString
      ? String(self.toString())
      : value.javaClass;
  }
  if (isGuestFunction(value)) return "[function]";
  // Java's toString of a NativeObject never runs the script's own toString (nor fails with it):
  // rhino -version 0 -e 'print(java.lang.String.valueOf({ toString: function () { throw 1; } }))' → [object Object]
  if (convertsItself(value)) return "[object Object]";
  if (typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${javaToString(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/**
 * SLF4J message formatting (MessageFormatter), which AM's loggers use behind both evaluators: each `{}` takes the
 * next argument; `\{}` is a literal `{}` that takes none; `\\{}` is one literal backslash and a live `{}`. Once
 * the arguments run out the rest of the message stays as written, escapes included (with no arguments at all the
 * message is not formatted). Live AIC shows the escape rules on both evaluators (published/aic-manager-live.json).
 */
export function formatSlf4j(format: string, args: unknown[]): string {
  let out = "";
  let from = 0;
  for (let next = 0; next < args.length; next++) {
    const at = format.indexOf("{}", from);
    if (at === -1) break;
    const escaped = at >= 1 && format[at - 1] === "\\";
    const doubleEscaped = escaped && at >= 2 && format[at - 2] === "\\";
    if (escaped && !doubleEscaped) {
      out += format.slice(from, at - 1) + "{";
      from = at + 1;
      next--; // an escaped delimiter takes no argument
    } else {
      out += format.slice(from, doubleEscaped ? at - 1 : at) + javaToString(args[next]);
      from = at + 2;
    }
  }
  return out + format.slice(from);
}

export function log(ctx: RunContext, level: LogLevel, message: string): void {
  ctx.logs.push({ level, message });
}

/** Sends a request to the mocks and records the call; returns the outcome for the binding to shape. */
export function sendToMocks(ctx: RunContext, request: OutgoingRequest): MockOutcome {
  const headers = { ...request.headers };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === "x-forgerock-transactionid")) {
    headers["X-ForgeRock-TransactionId"] = [`${ctx.token.native.auditTrackingId ?? "tx"}/${ctx.http.length}`];
  }
  const sent = { ...request, headers };
  const outcome = ctx.mocks.answer(sent);
  ctx.http.push(recordCall(sent, outcome));
  if (!outcome.ok && outcome.fault === "no-match") warn(ctx, "http-unmatched", outcome.message);
  return outcome;
}

const JAVA_CLASS_CONVERTERS: Record<string, (value: unknown) => unknown> = {
  "java.lang.String": (v) => String(v),
  "java.lang.Boolean": (v) => String(v).toLowerCase() === "true",
  "java.lang.Integer": (v) => Math.trunc(Number(v)),
  "java.lang.Long": (v) => Math.trunc(Number(v)),
  "java.lang.Double": (v) => Number(v),
  "java.util.List": (v) => (Array.isArray(v) ? v : String(v).split(",").map((s) => s.trim())),
  "java.util.Map": (v) => (typeof v === "string" ? JSON.parse(v) : v),
};

/** systemEnv: ESV-style properties from the scenario (`esv.*` in AIC); unknown → default or null. */
export class SystemEnvBinding extends HostObject {
  readonly members = SYSTEM_ENV_MEMBERS;
  override readonly javaClass = "org.forgerock.openam.scripting.api.PrefixedScriptPropertyResolver";

  constructor(private readonly ctx: RunContext) {
    super();
  }

  getProperty(name: unknown, defaultValue?: unknown, type?: unknown): unknown {
    const key = String(name);
    const env = this.ctx.scenario.systemEnv;
    const raw = ownValue(env, key);
    if (raw === undefined) return defaultValue === undefined ? null : defaultValue;
    const className = type instanceof HostObject ? type.javaClass : typeof type === "string" ? type : undefined;
    if (className) {
      const convert = ownValue(JAVA_CLASS_CONVERTERS, className);
      if (!convert) throw new GuestError(`Unsupported property type ${className}`, "JavaException");
      return convert(raw);
    }
    return typeof raw === "string" ? raw : JSON.stringify(raw);
  }
}

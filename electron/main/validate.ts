/**
 * Argument checks for every IPC request. The renderer is treated as untrusted input: a wrong type, an
 * unknown field or an oversized value is refused with a message naming the argument. The shapes are the
 * zod schemas of contracts/validation.ts; what depends on the platform (absolute paths) or on main's
 * limits (text size) is checked here.
 */
import path from "node:path";
import type { z } from "zod";
import type { DraftInput, FileStamp, SaveAsRequest, SaveRequest, Settings } from "../../contracts/api";
import type { HookCallRequest } from "../../contracts/hook-call";
import {
  EVALUATOR_NAMES,
  draftInputSchema,
  draftKeySchema,
  fileStampSchema,
  hookCallRequestSchema,
  saveAsRequestSchema,
  saveRequestSchema,
  settingsPatchSchema,
  settingsSchema,
} from "../../contracts/validation";
import { UserFacingError } from "./errors";
import { MAX_DOCUMENT_BYTES } from "./files";

export class InvalidArgumentError extends UserFacingError {
  override name = "InvalidArgumentError";
}

const MAX_PATH_LENGTH = 4096;
/** Text sent to be saved or autosaved may be as large as a document main agrees to open. */
const MAX_TEXT_BYTES = MAX_DOCUMENT_BYTES;

function fail(what: string, why: string): never {
  throw new InvalidArgumentError(`Invalid ${what}: ${why}.`);
}

/**
 * Only plain objects: JSON-like data is all the bridge carries, and an object with another prototype
 * (`{ __proto__: … }`) could smuggle inherited fields past a field-by-field check.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Parses with a contract schema; the first problem becomes "Invalid <what><join><field>: <why>.".
 * `join` is " " for a request's fields ("save request text") and "." for settings ("settings.theme").
 */
function parse<T>(schema: z.ZodType<T>, value: unknown, what: string, join = " "): T {
  if (!isPlainObject(value)) fail(what, "expected an object");
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length === 0 ? what : `${what}${join}${issue.path.map(String).join(".")}`;
  if (issue.code === "unrecognized_keys") fail(where, `unexpected field ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`);
  if (issue.code === "invalid_type" && issue.expected === "object") fail(where, "expected an object");
  fail(where, issue.message);
}

export function asAbsolutePath(value: unknown, what = "path"): string {
  if (typeof value !== "string" || value.length === 0) fail(what, "expected a non-empty string");
  if (value.length > MAX_PATH_LENGTH) fail(what, "too long");
  if (value.includes("\0")) fail(what, "contains a NUL character");
  if (!path.isAbsolute(value)) fail(what, "expected an absolute path");
  return path.normalize(value);
}

export function asNullablePath(value: unknown, what = "path"): string | null {
  return value === null ? null : asAbsolutePath(value, what);
}

export function asText(value: unknown, what = "text"): string {
  if (typeof value !== "string") fail(what, "expected a string");
  // UTF-16 length ≤ bytes ≤ 3 × length, so the cheap check first, then the exact one when it matters.
  if (value.length > MAX_TEXT_BYTES || (value.length * 3 > MAX_TEXT_BYTES && Buffer.byteLength(value) > MAX_TEXT_BYTES)) {
    fail(what, `larger than ${MAX_TEXT_BYTES / 1048576} MB`);
  }
  return value;
}

export function asDraftKey(value: unknown): string {
  const result = draftKeySchema.safeParse(value);
  if (!result.success) fail("draft key", result.error.issues[0].message);
  return result.data;
}

export function asFileStamp(value: unknown, what = "stamp"): FileStamp {
  return parse(fileStampSchema, value, what, ".");
}

export function asSaveRequest(value: unknown): SaveRequest {
  const request = parse(saveRequestSchema, value, "save request");
  return {
    path: asAbsolutePath(request.path, "save request path"),
    text: asText(request.text, "save request text"),
    expected: request.expected ?? null,
  };
}

export function asSaveAsRequest(value: unknown): SaveAsRequest {
  const request = parse(saveAsRequestSchema, value, "save-as request");
  const checked: SaveAsRequest = { text: asText(request.text, "save-as text") };
  if (request.suggestedName !== undefined) checked.suggestedName = request.suggestedName;
  return checked;
}

export function asDraftInput(value: unknown): DraftInput {
  const draft = parse(draftInputSchema, value, "draft");
  return { key: draft.key, path: asNullablePath(draft.path ?? null, "draft path"), text: asText(draft.text, "draft text") };
}

export function asExternalUrl(value: unknown): string {
  if (typeof value !== "string") fail("URL", "expected a string");
  return value;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: "system",
  editorFontSize: 14,
  wordWrap: false,
  runAsYouType: true,
  // The engine's default evaluator (its registry lists it first).
  defaultEvaluator: EVALUATOR_NAMES[0],
};

/** Strict: a patch from the renderer with any bad field is refused whole. */
export function asSettingsPatch(value: unknown): Partial<Settings> {
  return parse(settingsPatchSchema, value, "settings", ".");
}

/**
 * Lenient: settings read from disk keep every valid field and fall back to the default for the rest,
 * reporting which fields were dropped, so one bad hand edit does not reset everything.
 */
export function settingsFromDisk(value: unknown): { settings: Settings; dropped: string[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const dropped: string[] = [];
  if (!isPlainObject(value)) return { settings, dropped: value === undefined ? [] : ["settings"] };
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    if (!(key in value)) continue;
    const field = settingsSchema.shape[key].safeParse(value[key]);
    if (field.success) (settings as Record<keyof Settings, unknown>)[key] = field.data;
    else dropped.push(`settings.${key}`);
  }
  return { settings, dropped };
}

/** The request's shape; its size and address are the shared caller's rules (contracts/hook-call.ts). */
export function asHookCallRequest(value: unknown): HookCallRequest {
  return parse(hookCallRequestSchema, value, "hook request") as HookCallRequest;
}

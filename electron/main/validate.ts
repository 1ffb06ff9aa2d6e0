/**
 * Argument checks for every IPC request. The renderer is treated as untrusted input: a wrong type, an
 * unknown field or an oversized value is refused with a message naming the argument.
 */
import path from "node:path";
import type { DraftInput, FileStamp, SaveAsRequest, SaveRequest, Settings } from "../../contracts/api";
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], what: string): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) fail(what, `unexpected field ${extra.map((k) => JSON.stringify(k)).join(", ")}`);
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

const DRAFT_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export function asDraftKey(value: unknown): string {
  if (typeof value !== "string" || !DRAFT_KEY.test(value)) fail("draft key", "expected 1-64 letters, digits, '-' or '_'");
  return value;
}

export function asFileStamp(value: unknown, what = "stamp"): FileStamp {
  if (!isPlainObject(value)) fail(what, "expected an object");
  onlyKeys(value, ["mtimeMs", "size", "sha256"], what);
  const { mtimeMs, size, sha256 } = value;
  if (typeof mtimeMs !== "number" || !Number.isFinite(mtimeMs)) fail(`${what}.mtimeMs`, "expected a number");
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) fail(`${what}.size`, "expected a non-negative integer");
  if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256)) fail(`${what}.sha256`, "expected 64 hex digits");
  return { mtimeMs, size, sha256 };
}

export function asSaveRequest(value: unknown): SaveRequest {
  if (!isPlainObject(value)) fail("save request", "expected an object");
  onlyKeys(value, ["path", "text", "expected"], "save request");
  return {
    path: asAbsolutePath(value.path, "save request path"),
    text: asText(value.text, "save request text"),
    expected: value.expected === null || value.expected === undefined ? null : asFileStamp(value.expected, "save request expected"),
  };
}

export function asSaveAsRequest(value: unknown): SaveAsRequest {
  if (!isPlainObject(value)) fail("save-as request", "expected an object");
  onlyKeys(value, ["text", "suggestedName"], "save-as request");
  const request: SaveAsRequest = { text: asText(value.text, "save-as text") };
  if (value.suggestedName !== undefined) {
    const name = value.suggestedName;
    if (typeof name !== "string" || name.length === 0 || name.length > 255 || /[\\/\0]/.test(name)) {
      fail("suggested name", "expected a plain file name");
    }
    request.suggestedName = name;
  }
  return request;
}

export function asDraftInput(value: unknown): DraftInput {
  if (!isPlainObject(value)) fail("draft", "expected an object");
  onlyKeys(value, ["key", "path", "text"], "draft");
  return { key: asDraftKey(value.key), path: asNullablePath(value.path ?? null, "draft path"), text: asText(value.text, "draft text") };
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
  defaultEvaluator: "legacy",
};

type FieldCheck = (value: unknown) => boolean;

const SETTINGS_FIELDS: Record<keyof Settings, FieldCheck> = {
  theme: (v) => v === "system" || v === "light" || v === "dark",
  editorFontSize: (v) => typeof v === "number" && Number.isInteger(v) && v >= 8 && v <= 40,
  wordWrap: (v) => typeof v === "boolean",
  runAsYouType: (v) => typeof v === "boolean",
  defaultEvaluator: (v) => v === "legacy" || v === "next-gen",
};

/** Strict: a patch from the renderer with any bad field is refused whole. */
export function asSettingsPatch(value: unknown): Partial<Settings> {
  if (!isPlainObject(value)) fail("settings", "expected an object");
  onlyKeys(value, Object.keys(SETTINGS_FIELDS), "settings");
  for (const [key, check] of Object.entries(SETTINGS_FIELDS)) {
    if (key in value && !check(value[key])) fail(`settings.${key}`, `unexpected value ${JSON.stringify(value[key])}`);
  }
  return value as Partial<Settings>;
}

/**
 * Lenient: settings read from disk keep every valid field and fall back to the default for the rest,
 * reporting which fields were dropped, so one bad hand edit does not reset everything.
 */
export function settingsFromDisk(value: unknown): { settings: Settings; dropped: string[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const dropped: string[] = [];
  if (!isPlainObject(value)) return { settings, dropped: value === undefined ? [] : ["settings"] };
  for (const [key, check] of Object.entries(SETTINGS_FIELDS) as [keyof Settings, FieldCheck][]) {
    if (!(key in value)) continue;
    if (check(value[key])) (settings as unknown as Record<string, unknown>)[key] = value[key];
    else dropped.push(`settings.${key}`);
  }
  return { settings, dropped };
}

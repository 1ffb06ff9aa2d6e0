/**
 * The shapes of what the renderer sends over the bridge, as zod schemas: one definition gives main its
 * checks (electron/main/validate.ts) and both sides their types (api.ts infers Settings and FileStamp from
 * here). Each message says what was expected, for main to prefix with the argument's name.
 *
 * Not here: what depends on the platform or on main's policy — whether a path is absolute (node:path),
 * which paths a window holds, size quotas.
 */
import { z } from "zod";
import { EVALUATOR_IDS } from "./catalog";

export const THEMES = ["system", "light", "dark"] as const;
/** The engine's evaluators (catalog.ts, which the engine reads too), the default first. */
export const EVALUATOR_NAMES = EVALUATOR_IDS;

/** A draft's label: letters, digits, "-" and "_", at most 64, so it can never name a file or a folder. */
export const DRAFT_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const DRAFT_KEY_RULE = "expected 1-64 letters, digits, '-' or '_'";

export const fileStampSchema = z.strictObject({
  mtimeMs: z.number({ error: "expected a number" }).refine(Number.isFinite, { error: "expected a number" }),
  size: z.number({ error: "expected a non-negative integer" }).int({ error: "expected a non-negative integer" }).min(0, { error: "expected a non-negative integer" }),
  /** sha256 of the bytes, hex. */
  sha256: z.string({ error: "expected 64 hex digits" }).regex(/^[0-9a-f]{64}$/, { error: "expected 64 hex digits" }),
});

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `unexpected value ${JSON.stringify(issue.input)}` });

/** Every setting with its allowed values; a patch may carry any subset, nothing else. */
export const settingsSchema = z.strictObject({
  theme: enumOf(THEMES),
  editorFontSize: z
    .number({ error: (issue) => `unexpected value ${JSON.stringify(issue.input)}` })
    .int({ error: (issue) => `unexpected value ${JSON.stringify(issue.input)}` })
    .min(8, { error: (issue) => `unexpected value ${JSON.stringify(issue.input)}` })
    .max(40, { error: (issue) => `unexpected value ${JSON.stringify(issue.input)}` }),
  wordWrap: z.boolean({ error: (issue) => `unexpected value ${JSON.stringify(issue.input)}` }),
  runAsYouType: z.boolean({ error: (issue) => `unexpected value ${JSON.stringify(issue.input)}` }),
  defaultEvaluator: enumOf(EVALUATOR_NAMES),
});

export const settingsPatchSchema = settingsSchema.partial();

export const draftKeySchema = z.string({ error: DRAFT_KEY_RULE }).regex(DRAFT_KEY_PATTERN, { error: DRAFT_KEY_RULE });

/** A plain file name for the Save As dialog: no folders, no NUL, at most 255 characters. */
export const suggestedNameSchema = z
  .string({ error: "expected a plain file name" })
  .min(1, { error: "expected a plain file name" })
  .max(255, { error: "expected a plain file name" })
  .regex(/^[^\\/\0]+$/, { error: "expected a plain file name" });

/**
 * The request envelopes: exactly these fields. Main checks `path` (absolute, on this platform) and `text`
 * (size) itself, after the shape.
 */
export const saveRequestSchema = z.strictObject({
  path: z.unknown(),
  text: z.unknown(),
  expected: fileStampSchema.nullable().optional(),
});

export const saveAsRequestSchema = z.strictObject({
  text: z.unknown(),
  suggestedName: suggestedNameSchema.optional(),
});

export const draftInputSchema = z.strictObject({
  key: draftKeySchema,
  path: z.unknown().optional(),
  text: z.unknown(),
});

export type FileStamp = z.infer<typeof fileStampSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Theme = (typeof THEMES)[number];
export type EvaluatorName = (typeof EVALUATOR_NAMES)[number];

/**
 * A hook call the page asks main to make (contracts/hook-call.ts): POST only, string headers, a body that is
 * JSON (it was cloned over IPC, so it is data), the scenario's time limit. Whether the address is on this
 * machine is the caller's own rule (callLoopbackHook), not a shape.
 */
export const hookCallRequestSchema = z.strictObject({
  method: z.literal("POST", { error: "expected \"POST\"" }),
  url: z.string({ error: "expected a URL" }).min(1, { error: "expected a URL" }).max(2048, { error: "longer than 2048 characters" }),
  headers: z.record(z.string(), z.string({ error: "expected a string" }), { error: "expected an object of strings" }),
  body: z.unknown(),
  timeoutMs: z.number({ error: "expected a number of milliseconds" }).int({ error: "expected a whole number of milliseconds" }).min(1, { error: "expected 1 to 60000" }).max(60000, { error: "expected 1 to 60000" }),
});

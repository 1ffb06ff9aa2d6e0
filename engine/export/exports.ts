import { decodeIfBase64 } from "../import/base64-text";
import { parseScriptExport, type EvaluatorName, type ImportedScript, type ReadSibling } from "../import/exports";
import { planScriptFiles } from "../import/file-names";
import { JsonPath } from "../import/import-error";
import { encodeBase64Text, loneSurrogateOffset } from "./base64-encode";
import { contextFor, evaluatorContexts, EVALUATOR_VERSION, VERSION_WHEN_MISSING } from "./contexts";
import { ExportError } from "./export-error";
import { memberOf, parseJsonSpans, type JsonMember, type JsonNode, type JsonObjectNode } from "./json-spans";

export { ExportError } from "./export-error";

export interface ExportRequest {
  /** The export file the script came from, as read (its format, ids, metadata and layout are kept). */
  originalText: string;
  /** Its name as the user gave it, for messages. */
  originalFile: string;
  /** The edited script text. */
  source: string;
  /** The edited script's file name, for messages and to find which script of a many-script export it is. */
  sourceFile: string;
  /** Which script of the export, by `_id` or name; needed when the export holds several and the file name does not tell. */
  script?: string;
  /** Move the script to this evaluator (evaluatorVersion and context); default: keep the original's. */
  evaluator?: EvaluatorName;
  /** Reads files beside the original (Frodo's extracted `file://` scripts); only used to check the original. */
  readSibling?: ReadSibling;
}

export interface ExportedScript {
  /** The new export file's text. */
  exportText: string;
  /** Files to write beside the export file: Frodo's extracted `file://` script text. */
  siblings: { relativePath: string; text: string }[];
  /** The script as the new export reads back (the proof that it round-trips). */
  script: ImportedScript;
  /** What changed, one line each ("script text", "evaluatorVersion 1.0 → 2.0", …); empty for an unedited script. */
  changes: string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Puts an edited script back into the export it came from, in that export's format (AM REST, Amster,
 * Frodo), changing only the values that changed, so an unedited script gives the original file back
 * byte for byte. The result is read back with the importer before it is returned, so what is written
 * is what `frodo script import` / AM will read.
 */
export function exportScript(request: ExportRequest): ExportedScript {
  const { originalText, originalFile, source } = request;
  const surrogate = loneSurrogateOffset(source);
  if (surrogate >= 0) {
    const { line, column } = lineAndColumnOf(source, surrogate);
    throw new ExportError(request.sourceFile, `line ${line}, column ${column}`, "a lone UTF-16 surrogate has no UTF-8 form, so AM could not store this text");
  }
  // The extracted text is what this export replaces, so a missing or unreadable sibling is no obstacle.
  const readSibling: ReadSibling = (relativePath) => request.readSibling?.(relativePath) ?? "";
  const scripts = parseScriptExport(originalText, originalFile, readSibling);
  const records = scriptRecords(parseJsonSpans(originalText));
  if (records.length !== scripts.length) {
    throw new ExportError(originalFile, "", `found ${records.length} script records where the importer read ${scripts.length}; this layout is not one export can rewrite`);
  }
  const index = chooseScript(scripts, request);
  const original = scripts[index];
  const { node: record, path } = records[index];

  const edits: Edit[] = [];
  const changes: string[] = [];
  const siblings: ExportedScript["siblings"] = [];
  const scriptMember = memberOf(record, "script")!;
  if (original.source !== source) changes.push("script text");
  const extracted = extractedPath(scriptMember.value);
  if (extracted !== undefined) {
    siblings.push({ relativePath: extracted, text: source });
  } else if (original.source !== source) {
    edits.push({ ...span(scriptMember.value), text: scriptValueText(originalText, scriptMember, original.format, source) });
  }
  if (request.evaluator !== undefined) {
    edits.push(...evaluatorEdits(originalText, record, path, request.evaluator, original, changes, originalFile));
  }

  const exportText = applyEdits(originalText, edits);
  const script = readBack(exportText, originalFile, siblings, index, source, request.evaluator ?? original.evaluator);
  return { exportText, siblings, script, changes };
}

// --- where the scripts are ------------------------------------------------------------------------

interface ScriptRecord {
  node: JsonObjectNode;
  path: JsonPath;
}

/** The script records in the order engine/import reads them, so the two lists line up. */
function scriptRecords(document: JsonNode): ScriptRecord[] {
  const root = JsonPath.root;
  const objectAt = (node: JsonNode | undefined): node is JsonObjectNode => node?.kind === "object";
  const mapEntries = (map: JsonObjectNode, path: JsonPath): ScriptRecord[] =>
    map.members.flatMap((m) => (objectAt(m.value) ? [{ node: m.value, path: path.key(m.key) }] : []));
  if (!objectAt(document)) return [];
  const data = memberOf(document, "data")?.value;
  if (memberOf(document, "metadata") && memberOf(document, "data") && objectAt(data)) return [{ node: data, path: root.field("data") }];
  const scriptMap = memberOf(document, "script")?.value;
  if (objectAt(scriptMap)) return mapEntries(scriptMap, root.field("script"));
  const realm = memberOf(document, "realm")?.value;
  const global = memberOf(document, "global")?.value;
  if (objectAt(realm) || objectAt(global)) {
    const records: ScriptRecord[] = [];
    const globalScripts = memberOf(global, "script")?.value;
    if (objectAt(globalScripts)) records.push(...mapEntries(globalScripts, root.field("global").field("script")));
    if (objectAt(realm)) {
      for (const { key, value } of realm.members) {
        const realmScripts = memberOf(value, "script")?.value;
        if (objectAt(value) && objectAt(realmScripts)) {
          records.push(...mapEntries(realmScripts, root.field("realm").key(key).field("script")));
        }
      }
    }
    return records;
  }
  const result = memberOf(document, "result")?.value;
  if (result?.kind === "array") return result.items.flatMap((item, i) => (objectAt(item) ? [{ node: item, path: root.field("result").index(i) }] : []));
  return [{ node: document, path: root }];
}

/**
 * Which script the edited file is: the one named by `script` (id or name), the only one, or the one
 * whose file `token-playground import` wrote under the edited file's name (or Frodo extracted it to).
 */
function chooseScript(scripts: ImportedScript[], request: ExportRequest): number {
  const list = (indexes: number[]) => indexes.map((i) => `"${scripts[i].name}"${scripts[i].id ? ` (${scripts[i].id})` : ""}`).join(", ");
  let candidates = scripts.map((_, i) => i);
  if (request.script !== undefined) {
    const wanted = request.script;
    const byId = candidates.filter((i) => scripts[i].id === wanted);
    candidates = byId.length > 0 ? byId : candidates.filter((i) => scripts[i].name === wanted);
    if (candidates.length === 0) {
      throw new ExportError(request.originalFile, "", `holds no script with the id or name "${wanted}"; it holds ${list(scripts.map((_, i) => i))}`);
    }
  }
  if (candidates.length === 1) return candidates[0];
  // The same default script exported from two realms shares its id; import told them apart by file name (-2, -3…).
  const fileName = baseName(request.sourceFile).toLowerCase();
  const planned = planScriptFiles(scripts);
  const named = candidates.filter((i) => planned[i].sourceFile.toLowerCase() === fileName);
  if (named.length === 1) return named[0];
  throw new ExportError(
    request.originalFile,
    "",
    `holds ${candidates.length} ${request.script === undefined ? "scripts" : `scripts matching "${request.script}"`} and the file name ` +
      `${baseName(request.sourceFile)} is not the one import gave any of them (${candidates.map((i) => planned[i].sourceFile).join(", ")}); ` +
      `choose one by id or name: ${list(candidates)}`,
  );
}

// --- the script text, in the format it came in ----------------------------------------------------

function extractedPath(value: JsonNode): string | undefined {
  return value.kind === "string" && value.value.startsWith("file://") ? value.value.slice("file://".length) : undefined;
}

/**
 * The new `script` value in the style of the old one: AM REST always Base64; a Frodo string array stays
 * an array laid out like the old one; Amster's and Frodo's single strings keep being Base64 or plain.
 * A plain text that the importer would take for Base64 (a bare word like `abcd`) is written as Base64,
 * and Base64 that would not read back (text with control characters) as plain, so the text survives.
 */
function scriptValueText(text: string, member: JsonMember, format: ImportedScript["format"], source: string): string {
  const value = member.value;
  if (value.kind === "array") return stringArrayText(text, member, source);
  const base64 = JSON.stringify(encodeBase64Text(source));
  if (format === "am-rest") return base64;
  const wasBase64 = value.kind === "string" && decodeIfBase64(value.value) !== null;
  const readsBackAsBase64 = decodeIfBase64(encodeBase64Text(source)) === source;
  const plainReadsBack = decodeIfBase64(source) === null;
  if (wasBase64 ? readsBackAsBase64 || !plainReadsBack : !plainReadsBack) return base64;
  return JSON.stringify(source);
}

/**
 * Frodo joins the lines with "\n" on import, so splitting on "\n" alone keeps any "\r" and tab in the text.
 * The array is laid out like the old one: one line per item with the old indentation and line breaks
 * ("\r\n" in a file saved on Windows), or on one line when the old array was.
 */
function stringArrayText(text: string, member: JsonMember, source: string): string {
  const array = member.value as Extract<JsonNode, { kind: "array" }>;
  const items = source.split("\n").map((line) => JSON.stringify(line));
  const old = text.slice(array.start, array.end);
  if (array.items.length > 0 && !old.includes("\n")) {
    const separator = array.items.length > 1 ? text.slice(array.items[0].end, array.items[1].start) : ", ";
    return `[${items.join(separator)}]`;
  }
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const memberIndent = indentationAt(text, member.keyStart);
  const first = array.items[0];
  const itemIndent = first !== undefined ? indentationAt(text, first.start) : `${memberIndent}  `;
  const closing = text.slice(lineStartOf(text, array.end - 1), array.end - 1);
  const closingIndent = /^[ \t]*$/.test(closing) ? closing : memberIndent;
  return `[${items.map((item) => `${newline}${itemIndent}${item}`).join(",")}${newline}${closingIndent}]`;
}

// --- the evaluator --------------------------------------------------------------------------------

function evaluatorEdits(
  text: string,
  record: JsonObjectNode,
  path: JsonPath,
  evaluator: EvaluatorName,
  original: ImportedScript,
  changes: string[],
  file: string,
): Edit[] {
  const target = evaluatorContexts(evaluator);
  if (target.javascriptOnly && original.language === "GROOVY") {
    throw new ExportError(file, path.field("language").toString(), `a Groovy script cannot move to the ${target.name} evaluator, which runs JavaScript only`);
  }
  const edits: Edit[] = [];
  const contextMember = memberOf(record, "context");
  if (contextMember?.value.kind === "string") {
    const moved = contextFor(contextMember.value.value, evaluator);
    if ("problem" in moved) throw new ExportError(file, path.field("context").toString(), `cannot move to ${evaluator}: ${moved.problem}`);
    if (moved.context !== contextMember.value.value) {
      edits.push({ ...span(contextMember.value), text: JSON.stringify(moved.context) });
      changes.push(`context ${contextMember.value.value} → ${moved.context}`);
    }
  }
  // Written whenever it is not already AM's string for the evaluator ("1.0"/"2.0", not 2 or "2"); a missing
  // version already means legacy ("1.0") to AM, so it is only added for another evaluator (next-gen).
  const version = EVALUATOR_VERSION[evaluator];
  const versionMember = memberOf(record, "evaluatorVersion");
  if (versionMember) {
    if (!(versionMember.value.kind === "string" && versionMember.value.value === version)) {
      edits.push({ ...span(versionMember.value), text: JSON.stringify(version) });
      changes.push(`evaluatorVersion ${text.slice(versionMember.value.start, versionMember.value.end)} → "${version}"`);
    }
  } else if (version !== VERSION_WHEN_MISSING) {
    edits.push(insertMember(text, record, "evaluatorVersion", JSON.stringify(version), original.format === "frodo"));
    changes.push(`evaluatorVersion "${version}" added`);
  }
  return edits;
}

/**
 * A new member written like its neighbours (same indentation and `:` spacing): Frodo sorts keys
 * alphabetically, so it goes in its alphabetical place there; elsewhere after the last member.
 */
function insertMember(text: string, record: JsonObjectNode, key: string, valueText: string, alphabetical: boolean): Edit {
  const members = record.members;
  const model = members[members.length - 1];
  const colon = text.slice(model.keyEnd, model.value.start);
  const separator = text.slice(lineBreakBefore(text, model.keyStart), model.keyStart) || " ";
  const entry = `${JSON.stringify(key)}${colon}${valueText}`;
  const before = alphabetical ? members.findIndex((m) => m.key > key) : -1;
  if (before < 0) return { start: model.value.end, end: model.value.end, text: `,${separator}${entry}` };
  const next = members[before];
  return { start: next.keyStart, end: next.keyStart, text: `${entry},${separator}` };
}

// --- text helpers ---------------------------------------------------------------------------------

function span(node: JsonNode): { start: number; end: number } {
  return { start: node.start, end: node.end };
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The whitespace from the line break before `offset` (included, with a "\r" before it) to `offset`. */
function lineBreakBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && " \t".includes(text[i - 1])) i--;
  if (text[i - 1] === "\n") i--;
  if (text[i - 1] === "\r") i--;
  return i;
}

function indentationAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, offset), offset))![0];
}

function lineAndColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Reads the new export back with the importer: what AM or Frodo will read must be what was edited. */
function readBack(
  exportText: string,
  file: string,
  siblings: ExportedScript["siblings"],
  index: number,
  source: string,
  evaluator: EvaluatorName,
): ImportedScript {
  const sibling = (relativePath: string) => siblings.find((s) => s.relativePath === relativePath)?.text ?? "";
  const script = parseScriptExport(exportText, file, sibling)[index];
  if (script.source !== source || script.evaluator !== evaluator) {
    throw new ExportError(file, "", `the new export would read back as a different script (its ${script.source !== source ? "text" : "evaluator"} differs); nothing was written`);
  }
  return script;
}

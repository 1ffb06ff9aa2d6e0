import { decodeBase64Text, decodeIfBase64, isAmbiguousBase64 } from "./base64-text";
import { ImportError, JsonPath } from "./import-error";
import { parseJsonDocument } from "./json-text";
import type { EvaluatorId } from "../../contracts/catalog";

export { ImportError } from "./import-error";

export type ScriptLanguage = "JAVASCRIPT" | "GROOVY";
export type ExportFormat = "am-rest" | "amster" | "frodo";
/** AM's evaluators, as the registry's catalog names them. */
export type EvaluatorName = EvaluatorId;

export interface ImportedScript {
  id?: string;
  name: string;
  description?: string;
  language: ScriptLanguage;
  context?: string;
  evaluator: EvaluatorName;
  source: string;
  format: ExportFormat;
  /** Realm the export says the script lives in, as AM writes it (`/`, `/alpha`), when it says. */
  realm?: string;
  warnings: string[];
}

/** Returns the text of a file beside the export (`relativePath` as written after `file://`), or undefined. */
export type ReadSibling = (relativePath: string) => string | undefined;

export const ACCESS_TOKEN_MODIFICATION_CONTEXTS = [
  "OAUTH2_ACCESS_TOKEN_MODIFICATION",
  "OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN",
] as const;

/**
 * Reads the scripts out of an AM REST, Amster or Frodo script export. Throws ImportError naming the
 * file and JSON path of the first problem; things that still import but may surprise become warnings.
 */
export function parseScriptExport(text: string, fileName: string, readSibling?: ReadSibling): ImportedScript[] {
  const document = parseJsonDocument(text, fileName);
  return new ExportReader(fileName, readSibling).read(document);
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Fields every AM script record has, whichever tool wrapped it. */
const SCRIPT_RECORD_FIELDS = ["_id", "name", "language", "context", "evaluatorVersion"];

class ExportReader {
  constructor(
    private readonly file: string,
    private readonly readSibling: ReadSibling | undefined,
  ) {}

  read(document: unknown): ImportedScript[] {
    const root = JsonPath.root;
    if (!isObject(document)) {
      this.fail(root, `expected a JSON object, found ${describe(document)}; ${EXPECTED_SHAPES}`);
    }
    if ("metadata" in document && "data" in document) return [this.amster(document, root)];
    if (isObject(document.script)) return this.frodoScriptMap(document.script, root.field("script"), undefined);
    if (isObject(document.realm) || isObject(document.global)) return this.frodoConfigExport(document, root);
    if ("meta" in document) {
      this.fail(root.field("script"), `a Frodo export needs a "script" object keyed by script id, found ${describe(document.script)}`);
    }
    if ("result" in document) return this.restQuery(document, root);
    if (SCRIPT_RECORD_FIELDS.some((field) => field in document) || "script" in document) {
      return [this.restScript(document, root)];
    }
    this.fail(root, `unknown export format; ${EXPECTED_SHAPES}`);
  }

  // --- AM REST ---------------------------------------------------------------------------------

  private restQuery(document: JsonObject, path: JsonPath): ImportedScript[] {
    const resultPath = path.field("result");
    if (!Array.isArray(document.result)) this.fail(resultPath, `expected an array of scripts, found ${describe(document.result)}`);
    if (document.result.length === 0) this.fail(resultPath, "the query response holds no scripts");
    return document.result.map((entry, i) => {
      const entryPath = resultPath.index(i);
      if (!isObject(entry)) this.fail(entryPath, `expected a script object, found ${describe(entry)}`);
      return this.restScript(entry, entryPath);
    });
  }

  private restScript(record: JsonObject, path: JsonPath): ImportedScript {
    const scriptPath = path.field("script");
    const encoded = this.requireScriptField(record, path);
    if (typeof encoded !== "string") {
      this.fail(scriptPath, `expected the script text as a Base64 string (AM REST format), found ${describe(encoded)}`);
    }
    const decoded = decodeBase64Text(encoded);
    if (!decoded.ok) {
      this.fail(scriptPath, `not valid Base64: ${decoded.problem} (AM's REST API always Base64-encodes script text)`);
    }
    return this.buildScript(record, path, "am-rest", decoded.text, []);
  }

  // --- Amster ----------------------------------------------------------------------------------

  private amster(document: JsonObject, path: JsonPath): ImportedScript {
    const metadataPath = path.field("metadata");
    const dataPath = path.field("data");
    if (!isObject(document.metadata)) this.fail(metadataPath, `expected the Amster metadata object, found ${describe(document.metadata)}`);
    const entityType = document.metadata.entityType;
    if (entityType !== "Scripts") {
      this.fail(
        metadataPath.field("entityType"),
        `this Amster export holds ${typeof entityType === "string" ? `a "${entityType}" entity` : "no entityType"}, not "Scripts"`,
      );
    }
    if (!isObject(document.data)) this.fail(dataPath, `expected the script object, found ${describe(document.data)}`);
    const record = document.data;
    const value = this.requireScriptField(record, dataPath);
    if (typeof value !== "string") this.fail(dataPath.field("script"), `expected the script text as a string, found ${describe(value)}`);
    const warnings: string[] = [];
    // No real Amster Scripts export has been seen; the data is presumably the REST record (Base64),
    // but a plain string is accepted too, and we only speak up when the text could be either.
    const source = this.base64OrPlain(value, warnings, "Amster");
    const realm = typeof document.metadata.realm === "string" ? document.metadata.realm : undefined;
    return this.buildScript(record, dataPath, "amster", source, warnings, realm);
  }

  // --- Frodo -----------------------------------------------------------------------------------

  /** `frodo config export -a`: `{ global: { script: {…} }, realm: { "root-alpha": { script: {…} } } }`. */
  private frodoConfigExport(document: JsonObject, path: JsonPath): ImportedScript[] {
    const scripts: ImportedScript[] = [];
    if (isObject(document.global) && isObject(document.global.script)) {
      const scriptsPath = path.field("global").field("script");
      scripts.push(...this.frodoScriptMap(document.global.script, scriptsPath, undefined, true));
    }
    if (isObject(document.realm)) {
      for (const [realmKey, realmConfig] of Object.entries(document.realm)) {
        if (!isObject(realmConfig) || !isObject(realmConfig.script)) continue;
        const scriptsPath = path.field("realm").key(realmKey).field("script");
        scripts.push(...this.frodoScriptMap(realmConfig.script, scriptsPath, realmFromFrodoKey(realmKey), true));
      }
    }
    if (scripts.length === 0) this.fail(path, "this Frodo configuration export holds no scripts (no realm has a \"script\" section)");
    return scripts;
  }

  private frodoScriptMap(map: JsonObject, path: JsonPath, realm: string | undefined, allowEmpty = false): ImportedScript[] {
    const entries = Object.entries(map);
    if (entries.length === 0 && !allowEmpty) this.fail(path, "the export holds no scripts");
    return entries.map(([key, record]) => {
      const entryPath = path.key(key);
      if (!isObject(record)) this.fail(entryPath, `expected a script object, found ${describe(record)}`);
      const warnings: string[] = [];
      const source = this.frodoSource(record, entryPath, warnings);
      const script = this.buildScript(record, entryPath, "frodo", source.text, warnings, realm, source.fileExtension);
      if (script.id === undefined) script.id = key;
      return script;
    });
  }

  /** Frodo writes the text as `file://…` (extracted), as an array of lines, or as one string; it reads Base64 too. */
  private frodoSource(record: JsonObject, path: JsonPath, warnings: string[]): { text: string; fileExtension?: string } {
    const scriptPath = path.field("script");
    const value = this.requireScriptField(record, path);
    if (Array.isArray(value)) {
      value.forEach((line, i) => {
        if (typeof line !== "string") this.fail(scriptPath.index(i), `expected a line of script text, found ${describe(line)}`);
      });
      return { text: value.join("\n") };
    }
    if (typeof value !== "string") {
      this.fail(scriptPath, `expected the script text (a string, an array of lines or "file://<name>"), found ${describe(value)}`);
    }
    if (value.startsWith("file://")) return this.extractedSource(value.slice("file://".length), scriptPath);
    return { text: this.base64OrPlain(value, warnings, "Frodo") };
  }

  private extractedSource(relativePath: string, path: JsonPath): { text: string; fileExtension?: string } {
    if (relativePath === "" || /^([A-Za-z]:)?[\\/]/.test(relativePath) || relativePath.split(/[\\/]/).includes("..")) {
      this.fail(path, `"file://${relativePath}" must name a file beside the export (no absolute paths, no "..")`);
    }
    if (!this.readSibling) {
      this.fail(path, `the script text is in the separate file "${relativePath}"; import the export from a folder that holds that file`);
    }
    const text = this.readSibling(relativePath);
    if (text === undefined) {
      this.fail(path, `the script text is in "${relativePath}", which was not found beside ${this.file}`);
    }
    const extension = /\.([A-Za-z0-9]+)$/.exec(relativePath)?.[1]?.toLowerCase();
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, fileExtension: extension };
  }

  // --- shared ----------------------------------------------------------------------------------

  private requireScriptField(record: JsonObject, path: JsonPath): unknown {
    if (!("script" in record) || record.script === null || record.script === undefined) {
      this.fail(path.field("script"), 'missing the "script" field that holds the script text');
    }
    return record.script;
  }

  private base64OrPlain(value: string, warnings: string[], tool: string): string {
    const decoded = decodeIfBase64(value);
    if (decoded === null) return value;
    if (isAmbiguousBase64(value, decoded)) {
      warnings.push(
        `The ${tool} script text ${JSON.stringify(value)} is valid Base64 and could also be plain source; ` +
          `it was decoded as Base64 to ${JSON.stringify(decoded)}. If that is wrong, write the text in the file as you want it run.`,
      );
    }
    return decoded;
  }

  private buildScript(
    record: JsonObject,
    path: JsonPath,
    format: ExportFormat,
    source: string,
    warnings: string[],
    realm?: string,
    fileExtension?: string,
  ): ImportedScript {
    const id = this.optionalString(record, "_id", path);
    const name = this.scriptName(record, path, id, warnings);
    const description = this.optionalString(record, "description", path);
    const context = this.optionalString(record, "context", path);
    const language = this.language(record, path, fileExtension, warnings);
    const evaluator = evaluatorOf(record.evaluatorVersion, context, language, warnings);
    warnAboutContext(context, warnings);
    if (language === "GROOVY") {
      warnings.push(
        `"${name}" is a Groovy script: the playground runs JavaScript only, so it cannot run this script. ` +
          "Its text is kept so you can read it or port it to JavaScript.",
      );
    }
    if (source.trim() === "") warnings.push(`"${name}" has an empty script text.`);
    const script: ImportedScript = { name, language, evaluator, source, format, warnings };
    if (id !== undefined) script.id = id;
    // Frodo writes an absent description as the string "null".
    if (description !== undefined && description !== "null") script.description = description;
    if (context !== undefined) script.context = context;
    if (realm !== undefined) script.realm = realm;
    return script;
  }

  private scriptName(record: JsonObject, path: JsonPath, id: string | undefined, warnings: string[]): string {
    const name = this.optionalString(record, "name", path);
    if (name !== undefined && name.trim() !== "") return name;
    if (id !== undefined && id.trim() !== "") {
      warnings.push(`The script has no name; its id "${id}" is used instead.`);
      return id;
    }
    this.fail(path.field("name"), "the script has neither a name nor an _id");
  }

  private language(record: JsonObject, path: JsonPath, fileExtension: string | undefined, warnings: string[]): ScriptLanguage {
    const value = record.language;
    if (value === undefined || value === null) {
      const guessed: ScriptLanguage = fileExtension === "groovy" ? "GROOVY" : "JAVASCRIPT";
      warnings.push(`The export does not say the script's language; ${guessed} is assumed.`);
      return guessed;
    }
    if (typeof value === "string") {
      const upper = value.toUpperCase();
      if (upper === "JAVASCRIPT" || upper === "GROOVY") return upper;
    }
    this.fail(path.field("language"), `expected "JAVASCRIPT" or "GROOVY", found ${describe(value)}`);
  }

  private optionalString(record: JsonObject, field: string, path: JsonPath): string | undefined {
    const value = record[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") this.fail(path.field(field), `expected a string, found ${describe(value)}`);
    return value;
  }

  private fail(path: JsonPath, detail: string): never {
    throw new ImportError(this.file, path.toString(), detail);
  }
}

const EXPECTED_SHAPES =
  'expected an AM REST script ({"name", "language", "script": "<Base64>", …}), an AM REST query response ' +
  '({"result": [ … ]}), an Amster export ({"metadata": {"entityType": "Scripts", …}, "data": { … }}) ' +
  'or a Frodo export ({"script": {"<id>": { … }}})';

/**
 * AM's rule: evaluatorVersion "2.0" is next-gen, anything else (missing, "1.0", invalid) is legacy;
 * a *_NEXT_GEN context and LIBRARY only exist for next-gen, so they decide when the version is silent.
 */
function evaluatorOf(version: unknown, context: string | undefined, language: ScriptLanguage, warnings: string[]): EvaluatorName {
  const contextIsNextGen = context !== undefined && (context.endsWith("_NEXT_GEN") || context === "LIBRARY");
  let evaluator: EvaluatorName;
  if (version === "2.0") {
    evaluator = "next-gen";
  } else if (version === 2) {
    warnings.push('evaluatorVersion is the number 2.0; AM expects the string "2.0". Imported as next-gen.');
    evaluator = "next-gen";
  } else {
    if (version !== undefined && version !== null && version !== "1.0") {
      warnings.push(`evaluatorVersion ${JSON.stringify(version)} is not "1.0" or "2.0"; AM treats it as "1.0" (legacy).`);
    }
    evaluator = "legacy";
  }
  if (contextIsNextGen && evaluator === "legacy") {
    if (version === "1.0") {
      warnings.push(`The context ${context} is next-generation only, but evaluatorVersion says "1.0"; imported as next-gen.`);
    }
    evaluator = "next-gen";
  }
  if (evaluator === "next-gen" && context === "OAUTH2_ACCESS_TOKEN_MODIFICATION") {
    warnings.push(
      "evaluatorVersion is \"2.0\" but the context is the legacy OAUTH2_ACCESS_TOKEN_MODIFICATION; AM keeps next-generation " +
        "access-token scripts under OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN. Imported as next-gen.",
    );
  }
  if (evaluator === "next-gen" && language === "GROOVY") {
    warnings.push("The next-generation engine runs JavaScript only; a Groovy script cannot be next-gen in AM.");
  }
  return evaluator;
}

function warnAboutContext(context: string | undefined, warnings: string[]): void {
  if (context === undefined) {
    warnings.push("The export does not say the script's context; it is assumed to be an access-token modification script.");
    return;
  }
  if (!(ACCESS_TOKEN_MODIFICATION_CONTEXTS as readonly string[]).includes(context)) {
    warnings.push(
      `The context ${context} is not an access-token modification context (${ACCESS_TOKEN_MODIFICATION_CONTEXTS.join(" or ")}); ` +
        "AM gives such a script other bindings than the playground provides, so results may not match AM.",
    );
  }
}

/**
 * Frodo names realms by path with dashes ("root" → "/", "root-alpha" → "/alpha"). "root-a-b" could be
 * "/a/b" or "/a-b", so only the unambiguous cases are translated.
 */
function realmFromFrodoKey(key: string): string | undefined {
  if (key === "root") return "/";
  const match = /^root-([^-]+)$/.exec(key);
  return match ? `/${match[1]}` : undefined;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 40 ? `the string ${JSON.stringify(value.slice(0, 40))}…` : `the string ${JSON.stringify(value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value === "number" ? "the number" : "the value"} ${String(value)}`;
}

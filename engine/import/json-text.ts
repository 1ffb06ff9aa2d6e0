import { ImportError, JsonPath } from "./import-error";

/**
 * The deepest nesting of objects and arrays any JSON input may have. AM reads JSON with Jackson, whose
 * StreamReadConstraints refuse documents nested deeper than 1000 levels (the default since Jackson 2.15),
 * so AM would not accept deeper input either; and a limit keeps every recursive reader after the parse
 * (structured clone to the workers, the sandbox's conversion, the case matcher) far from the stack's end.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * Parses JSON text (a leading byte-order mark is allowed), refusing nesting deeper than MAX_JSON_DEPTH.
 * On failure the position comes from our own scan rather than from the host's `JSON.parse` message,
 * whose wording and position format differ between engines.
 */
export function parseJsonWithLimits(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError & { line: number; column: number } } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  let parsed = false;
  if (findExcessiveNesting(body) === null) {
    try {
      value = JSON.parse(body);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  if (parsed) return { ok: true, value };
  const failure = findJsonSyntaxError(body) ?? { offset: 0, problem: "not valid JSON" };
  return { ok: false, error: { ...failure, ...lineAndColumn(body, failure.offset) } };
}

/** Parses an export file's JSON; throws ImportError naming the file, line and column. */
export function parseJsonDocument(text: string, file: string): unknown {
  const parsed = parseJsonWithLimits(text);
  if (parsed.ok) return parsed.value;
  const { line, column, problem } = parsed.error;
  throw new ImportError(file, JsonPath.root.toString(), `invalid JSON: ${problem}`, line, column);
}

/**
 * Offset of the first `{` or `[` that opens level MAX_JSON_DEPTH + 1, or null. A flat loop (no recursion,
 * so no input can overflow the stack) that skips strings; it does not check the rest of the syntax.
 */
export function findExcessiveNesting(text: string, limit = MAX_JSON_DEPTH): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      // Skip the string: to the next quote that is not escaped.
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i++;
        else if (c === 0x22) break;
      }
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return i;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return null;
}

export interface JsonSyntaxError {
  offset: number;
  problem: string;
}

/**
 * Returns where strict JSON (RFC 8259) first goes wrong in `text`, or null if it is valid. Nesting deeper
 * than `depthLimit` is a problem too, found at the bracket that goes too deep, so the scan's own recursion
 * stays bounded whatever the input.
 */
export function findJsonSyntaxError(text: string, depthLimit = MAX_JSON_DEPTH): JsonSyntaxError | null {
  const scanner = new JsonScanner(text, depthLimit);
  try {
    scanner.document();
    return null;
  } catch (e) {
    if (e instanceof ScanFailure) return { offset: e.offset, problem: e.problem };
    throw e;
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class ScanFailure {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

class JsonScanner {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly depthLimit: number,
  ) {}

  /** Enters an object or array; past the limit, fails at its opening bracket. */
  private enter(): void {
    if (++this.depth > this.depthLimit) {
      this.fail(`objects and arrays nested deeper than ${this.depthLimit} levels (Jackson, AM's JSON reader, refuses deeper documents)`);
    }
  }

  document(): void {
    this.skipSpace();
    this.value();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
  }

  private value(): void {
    const ch = this.text[this.pos];
    if (ch === "{") return this.object();
    if (ch === "[") return this.array();
    if (ch === '"') return this.string();
    if (ch === "-" || (ch >= "0" && ch <= "9")) return this.number();
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`expected a value but found ${this.describeHere()}`);
  }

  private object(): void {
    this.enter();
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      this.depth--;
      return;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail(`expected a property name in double quotes but found ${this.describeHere()}`);
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail(`expected ':' after the property name but found ${this.describeHere()}`);
      this.pos++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === "}") {
        this.pos++;
        this.depth--;
        return;
      }
      if (ch !== ",") this.fail(`expected ',' or '}' after a property value but found ${this.describeHere()}`);
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === "}") this.fail("trailing comma before '}'");
    }
  }

  private array(): void {
    this.enter();
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      this.depth--;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === "]") {
        this.pos++;
        this.depth--;
        return;
      }
      if (ch !== ",") this.fail(`expected ',' or ']' after an array element but found ${this.describeHere()}`);
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === "]") this.fail("trailing comma before ']'");
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) this.fail("unterminated string");
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        this.pos++;
        return;
      }
      if (code < 0x20) this.fail(code === 10 ? "line break inside a string (write it as \\n)" : "control character inside a string");
      if (code === 0x5c) {
        const escape = this.text[this.pos + 1];
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail("bad \\u escape in a string");
          this.pos += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) this.fail("bad escape in a string");
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) this.fail(`bad number starting with ${this.describeHere()}`);
    this.pos += match![0].length;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && " \t\n\r".includes(this.text[this.pos])) this.pos++;
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return "the end of the file";
    return JSON.stringify(this.text[this.pos]);
  }

  private fail(problem: string): never {
    throw new ScanFailure(this.pos, problem);
  }
}

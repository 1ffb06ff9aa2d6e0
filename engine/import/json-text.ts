import { ImportError, JsonPath } from "./import-error";

/**
 * Parses an export file's JSON. On a syntax error the position comes from our own scan rather than
 * from the host's `JSON.parse` message, whose wording and position format differ between engines.
 */
export function parseJsonDocument(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    const failure = findJsonSyntaxError(body) ?? { offset: 0, problem: "not valid JSON" };
    const { line, column } = lineAndColumn(body, failure.offset);
    throw new ImportError(file, JsonPath.root.toString(), `invalid JSON: ${failure.problem}`, line, column);
  }
}

export interface JsonSyntaxError {
  offset: number;
  problem: string;
}

/** Returns where strict JSON (RFC 8259) first goes wrong in `text`, or null if it is valid. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new JsonScanner(text);
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

  constructor(private readonly text: string) {}

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
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
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
        return;
      }
      if (ch !== ",") this.fail(`expected ',' or '}' after a property value but found ${this.describeHere()}`);
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === "}") this.fail("trailing comma before '}'");
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === "]") {
        this.pos++;
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

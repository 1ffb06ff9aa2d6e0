/**
 * The message Rhino 1.7.14's JSON.parse gives for malformed text ("Unexpected token: n", "Expected end of
 * stream at char 7", "Missing comma in array literal", …), where QuickJS words its own ("expecting property
 * name"). Scripts parse HTTP bodies with JSON.parse and log what went wrong, so the text matters. This walks
 * the input the way Rhino's JsonParser does and reports its first complaint; goldens: probes json.* in
 * test/conformance/legacy.
 */
class RhinoJsonError extends Error {}

class RhinoJsonReader {
  private pos = 0;
  constructor(private readonly src: string) {}

  check(): void {
    this.value();
    this.space();
    if (this.pos < this.src.length) throw new RhinoJsonError(`Expected end of stream at char ${this.pos}`);
  }

  private space(): void {
    while (this.pos < this.src.length && " \t\r\n".includes(this.src[this.pos])) this.pos++;
  }

  private value(): void {
    this.space();
    if (this.pos >= this.src.length) throw new RhinoJsonError("Empty JSON string");
    const c = this.src[this.pos++];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    for (const word of ["true", "false", "null"]) {
      if (c === word[0]) {
        if (!this.src.startsWith(word.slice(1), this.pos)) throw new RhinoJsonError(`Unexpected token: ${c}`);
        this.pos += word.length - 1;
        return;
      }
    }
    if (c === "-" || (c >= "0" && c <= "9")) return this.number(c);
    throw new RhinoJsonError(`Unexpected token: ${c}`);
  }

  private object(): void {
    this.space();
    if (this.src[this.pos] === "}") {
      this.pos++;
      return;
    }
    let needsComma = false;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++];
      if (c === "}") {
        if (!needsComma) throw new RhinoJsonError("Unexpected comma in object literal");
        return;
      } else if (c === ",") {
        if (!needsComma) throw new RhinoJsonError("Unexpected comma in object literal");
        needsComma = false;
      } else if (c === '"') {
        if (needsComma) throw new RhinoJsonError("Missing comma in object literal");
        this.string();
        this.consume(":");
        this.value();
        needsComma = true;
      } else {
        throw new RhinoJsonError("Unexpected token in object literal");
      }
      this.space();
    }
    throw new RhinoJsonError("Unterminated object literal");
  }

  private array(): void {
    this.space();
    if (this.src[this.pos] === "]") {
      this.pos++;
      return;
    }
    let needsComma = false;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === "]") {
        if (!needsComma) throw new RhinoJsonError("Unexpected comma in array literal");
        this.pos++;
        return;
      } else if (c === ",") {
        if (!needsComma) throw new RhinoJsonError("Unexpected comma in array literal");
        needsComma = false;
        this.pos++;
      } else {
        if (needsComma) throw new RhinoJsonError("Missing comma in array literal");
        this.value();
        needsComma = true;
      }
      this.space();
    }
    throw new RhinoJsonError("Unterminated array literal");
  }

  private consume(token: string): void {
    this.space();
    if (this.pos >= this.src.length) throw new RhinoJsonError(`Expected ${token} but reached end of stream`);
    const c = this.src[this.pos++];
    if (c !== token) throw new RhinoJsonError(`Expected ${token} found ${c}`);
  }

  private string(): void {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++];
      if (c <= "\u001f") throw new RhinoJsonError("String contains control character");
      if (c === '"') return;
      if (c === "\\") {
        const e = this.src[this.pos++];
        if (e === "u") {
          if (this.src.length - this.pos < 5) throw new RhinoJsonError(`Invalid character code: \\u${this.src.slice(this.pos)}`);
          const hex = this.src.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new RhinoJsonError(`Invalid character code: ${hex}`);
          this.pos += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          throw new RhinoJsonError(`Unexpected character in string: '\\${e ?? ""}'`);
        }
      }
    }
    throw new RhinoJsonError("Unterminated string literal");
  }

  private number(first: string): void {
    const start = this.pos - 1;
    const fail = (end: number) => new RhinoJsonError(`Unsupported number format: ${this.src.slice(start, end)}`);
    const next = () => {
      if (this.pos >= this.src.length) throw fail(this.src.length);
      return this.src[this.pos++];
    };
    const digit = (c: string) => c >= "0" && c <= "9";
    const digits = () => {
      while (this.pos < this.src.length && digit(this.src[this.pos])) this.pos++;
    };
    let c = first;
    if (c === "-") {
      c = next();
      if (!digit(c)) throw fail(this.pos);
    }
    if (c !== "0") digits();
    if (this.src[this.pos] === ".") {
      this.pos++;
      if (!digit(next())) throw fail(this.pos);
      digits();
    }
    if (this.src[this.pos] === "e" || this.src[this.pos] === "E") {
      this.pos++;
      c = next();
      if (c === "-" || c === "+") c = next();
      if (!digit(c)) throw fail(this.pos);
      digits();
    }
  }
}

/** Rhino's JSON.parse complaint about `text`, or null when Rhino would parse it. */
export function rhinoJsonError(text: string): string | null {
  try {
    new RhinoJsonReader(text).check();
    return null;
  } catch (error) {
    if (error instanceof RhinoJsonError) return error.message;
    throw error;
  }
}

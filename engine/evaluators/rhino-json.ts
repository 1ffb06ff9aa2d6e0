/**
 * The message Rhino 1.7.14's JSON.parse gives for malformed text ("Unexpected token: n", "Expected end of
 * stream at char 7", "Missing comma in array literal", …), where QuickJS words its own ("expecting property
 * name"). Scripts parse HTTP bodies with JSON.parse and log what went wrong, so the text matters. This walks
 * the input the way Rhino's JsonParser does and reports its first complaint; goldens: probes json.* in
 * test/conformance/legacy.
 */
import { GuestError } from "../sandbox/host";

class RhinoJsonError extends Error {}

/** An open array or object while reading, and what the reader expects next inside it. */
interface Open {
  kind: "array" | "object";
  needsComma: boolean;
}

/**
 * Rhino's JsonParser is recursive (readValue → readArray → readValue …); this reads the same grammar with an
 * explicit stack, so text nested 100,000 deep costs the host nothing (Rhino's own limit is applied by
 * rhinoJsonDepth below, as the StackOverflowError Rhino dies of).
 */
class RhinoJsonReader {
  private pos = 0;
  private readonly open: Open[] = [];
  constructor(private readonly src: string) {}

  check(): void {
    this.value();
    while (this.open.length > 0) this.continueOpen();
    this.space();
    if (this.pos < this.src.length) throw new RhinoJsonError(`Expected end of stream at char ${this.pos}`);
  }

  private space(): void {
    while (this.pos < this.src.length && " \t\r\n".includes(this.src[this.pos])) this.pos++;
  }

  /** Reads one value; an array or object is only opened here and read on by continueOpen(). */
  private value(): void {
    this.space();
    if (this.pos >= this.src.length) throw new RhinoJsonError("Empty JSON string");
    const c = this.src[this.pos++];
    if (c === "{") return this.openObject();
    if (c === "[") return this.openArray();
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

  private openObject(): void {
    this.space();
    if (this.src[this.pos] === "}") {
      this.pos++;
      return;
    }
    this.open.push({ kind: "object", needsComma: false });
  }

  private openArray(): void {
    this.space();
    if (this.src[this.pos] === "]") {
      this.pos++;
      return;
    }
    this.open.push({ kind: "array", needsComma: false });
  }

  /** One step inside the innermost open array or object (Rhino's loop body), until it closes or a value opens. */
  private continueOpen(): void {
    const top = this.open[this.open.length - 1];
    const depth = this.open.length;
    while (this.open.length === depth) {
      if (this.pos >= this.src.length) throw new RhinoJsonError(top.kind === "object" ? "Unterminated object literal" : "Unterminated array literal");
      if (top.kind === "object") {
        const c = this.src[this.pos++];
        if (c === "}") {
          if (!top.needsComma) throw new RhinoJsonError("Unexpected comma in object literal");
          this.open.pop();
          break;
        } else if (c === ",") {
          if (!top.needsComma) throw new RhinoJsonError("Unexpected comma in object literal");
          top.needsComma = false;
        } else if (c === '"') {
          if (top.needsComma) throw new RhinoJsonError("Missing comma in object literal");
          this.string();
          this.consume(":");
          top.needsComma = true;
          this.value();
        } else {
          throw new RhinoJsonError("Unexpected token in object literal");
        }
      } else {
        const c = this.src[this.pos];
        if (c === "]") {
          if (!top.needsComma) throw new RhinoJsonError("Unexpected comma in array literal");
          this.pos++;
          this.open.pop();
          break;
        } else if (c === ",") {
          if (!top.needsComma) throw new RhinoJsonError("Unexpected comma in array literal");
          top.needsComma = false;
          this.pos++;
        } else {
          if (top.needsComma) throw new RhinoJsonError("Missing comma in array literal");
          top.needsComma = true;
          this.value();
        }
      }
      // A value that opened an array or object is read first; Rhino skips space after it when it returns.
      if (this.open.length === depth) this.space();
    }
    // Back in the enclosing array or object: Rhino skips space after the value just closed.
    if (this.open.length > 0) this.space();
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

/** Whether `text` nests arrays/objects as deep as Rhino's limit (a loop over its characters, skipping strings). */
export function nestsTooDeepForRhino(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth >= RHINO_JSON_MAX_DEPTH) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/**
 * Rhino's JSON.parse complaint about `text`, or null when Rhino would parse it. Text nested as deep as Rhino's
 * limit throws instead: Rhino dies of java.lang.StackOverflowError there, which no catch block sees.
 */
export function rhinoJsonError(text: string): string | null {
  if (nestsTooDeepForRhino(text)) throw new GuestError(JAVA_STACK_OVERFLOW, "InternalError", {}, true);
  try {
    new RhinoJsonReader(text).check();
    return null;
  } catch (error) {
    if (error instanceof RhinoJsonError) return error.message;
    throw error;
  }
}

/** What Rhino prints when the JVM's stack runs out: a java.lang.Error no script catch block sees. */
export const JAVA_STACK_OVERFLOW = "java.lang.StackOverflowError";

/**
 * The nesting at which Rhino 1.7.14's recursive JsonParser runs out of a default (1 MB) Java stack. Recorded with
 * `rhino -version 0`: compiled, 3,000 levels parse and 3,500 do not; interpreted (-opt -1, as AM runs scripts),
 * arrays parse to about 4,050 levels and objects fail sooner. AM's own frames beneath the script use part of its
 * thread's stack, so the exact figure in AM is not known here: the playground fails from 3,500, and the runtime
 * goldens (json-parse-*) pin 3,000 parsing and 5,000 failing, which hold in both modes.
 */
export const RHINO_JSON_MAX_DEPTH = 3500;

/**
 * Guest code wrapping JSON.parse (evaluated after the sandbox's own JSON.parse hook, which asks the host for
 * Rhino's wording of a SyntaxError: rhinoJsonError above). QuickJS parses text far deeper than Rhino can (and
 * much deeper text exhausts its own stack), so for text nested as deep as Rhino's limit the hook is handed a
 * fixed text exactly that deep and then malformed: the host then raises Rhino's StackOverflowError, which
 * escapes the script's catch blocks as in AM. The depth scan is a loop over the characters, skipping strings.
 */
export const RHINO_JSON_DEPTH_SOURCE = String.raw`(function (J, limit) {
  var hooked = J.parse;
  // As deep as Rhino's limit, then not JSON: QuickJS gets through it and fails, the hook asks the host.
  var overflowing = new Array(limit + 1).join("[") + "\u0000";
  function tooDeep(t) {
    var depth = 0, inString = false;
    for (var i = 0; i < t.length; i++) {
      var c = t.charCodeAt(i);
      if (inString) { if (c === 92) i++; else if (c === 34) inString = false; }
      else if (c === 34) inString = true;
      else if (c === 91 || c === 123) { if (++depth >= limit) return true; }
      else if (c === 93 || c === 125) depth--;
    }
    return false;
  }
  Object.defineProperty(J, "parse", { value: function parse(text, reviver) {
    if (typeof text === "string" && text.length >= limit && tooDeep(text)) return hooked(overflowing);
    return arguments.length > 1 ? hooked(text, reviver) : hooked(text);
  }, writable: true, configurable: true });
})(JSON, ${RHINO_JSON_MAX_DEPTH})`;

/** Whether a failure message is the host (V8 or the WebAssembly guest) running out of stack. */
export function isHostStackExhaustion(message: string): boolean {
  return /Maximum call stack size exceeded|call stack exhausted/i.test(message);
}

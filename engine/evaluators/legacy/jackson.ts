/**
 * JSON text read the way CHF's `Entity.getJson()` reads it (Jackson's untyped values): objects become
 * `LinkedHashMap`s, arrays `ArrayList`s, strings `java.lang.String`s, whole numbers `Integer` (or `Long` past
 * 32 bits), other numbers `Double`, true/false boxed `Boolean`s, null null. A legacy script therefore meets Java
 * values (typeof "object", `=== 42` false, a boxed `false` that is truthy), as real Rhino showed with AM's types
 * (test/conformance/legacy, probes http.json-*). JSON.parse cannot be used: it forgets whether `1` was `1.0`.
 */
import { JavaBoolean, JavaCollection, JavaMap, JavaNumber, JavaString, javaException } from "./java";

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

class JsonReader {
  private at = 0;
  constructor(private readonly text: string) {}

  read(): unknown {
    const value = this.value();
    this.space();
    if (this.at < this.text.length) throw this.fail("Unexpected character ('" + this.text[this.at] + "'): expected end-of-input");
    return value;
  }

  private fail(message: string): Error {
    return javaException("com.fasterxml.jackson.core.JsonParseException", `${message} at offset ${this.at}`);
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }

  private value(): unknown {
    this.space();
    const c = this.text[this.at];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return new JavaString(this.string());
    for (const [word, value] of [["true", new JavaBoolean(true)], ["false", new JavaBoolean(false)], ["null", null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.number();
  }

  private object(): JavaMap {
    const entries = new Map<string, unknown>();
    this.at++;
    this.space();
    if (this.text[this.at] === "}") {
      this.at++;
      return new JavaMap("java.util.LinkedHashMap", entries, false);
    }
    for (;;) {
      this.space();
      const key = this.string();
      this.space();
      if (this.text[this.at++] !== ":") throw this.fail("Unexpected character: was expecting a colon to separate field name and value");
      entries.set(key, this.value());
      this.space();
      const c = this.text[this.at++];
      if (c === "}") return new JavaMap("java.util.LinkedHashMap", entries, false);
      if (c !== ",") throw this.fail("Unexpected character: was expecting comma to separate Object entries");
    }
  }

  private array(): JavaCollection {
    const items: unknown[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === "]") {
      this.at++;
      return new JavaCollection("java.util.ArrayList", items);
    }
    for (;;) {
      items.push(this.value());
      this.space();
      const c = this.text[this.at++];
      if (c === "]") return new JavaCollection("java.util.ArrayList", items);
      if (c !== ",") throw this.fail("Unexpected character: was expecting comma to separate Array entries");
    }
  }

  private string(): string {
    if (this.text[this.at] !== '"') throw this.fail("Unexpected character: was expecting double-quote to start field name");
    const start = this.at;
    this.at++;
    while (this.at < this.text.length && this.text[this.at] !== '"') this.at += this.text[this.at] === "\\" ? 2 : 1;
    if (this.at >= this.text.length) throw this.fail("Unexpected end-of-input in a String value");
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private number(): JavaNumber {
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at));
    if (!match) {
      const token = /^[^\s,:{}[\]"]*/.exec(this.text.slice(this.at))?.[0] || this.text[this.at] || "";
      throw this.fail(
        `Unrecognized token '${token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
      );
    }
    this.at += match[0].length;
    const value = Number(match[0]);
    if (match[1] !== undefined || match[2] !== undefined) return new JavaNumber(value);
    return new JavaNumber(value, value >= INT_MIN && value <= INT_MAX ? "java.lang.Integer" : "java.lang.Long");
  }
}

/** The Java value CHF's Entity.getJson() gives for `text`; a Jackson parse error (an IOException) when malformed. */
export function javaValueFromJsonText(text: string): unknown {
  return new JsonReader(text).read();
}

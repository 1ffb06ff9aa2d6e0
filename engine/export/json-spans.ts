/**
 * A JSON parse that remembers where every value sits in the text. Exporting edits a customer's file in
 * place (only the values that change are rewritten), so everything else — key order, spacing, Amster's
 * `" : "`, escapes, the final newline — stays byte for byte as the tool that wrote it left it.
 * Only call it on text that `JSON.parse` accepted: syntax errors are reported by `parseJsonDocument`.
 */

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

interface Span {
  /** Offset of the value's first character. */
  start: number;
  /** Offset just after its last character. */
  end: number;
}

export type JsonNode =
  | (Span & { kind: "object"; members: JsonMember[] })
  | (Span & { kind: "array"; items: JsonNode[] })
  | (Span & { kind: "string"; value: string })
  | (Span & { kind: "literal" });

export type JsonObjectNode = Extract<JsonNode, { kind: "object" }>;

export function parseJsonSpans(text: string): JsonNode {
  const reader = new SpanReader(text);
  return reader.document();
}

/** The member named `key` (the last one, as JSON.parse keeps the last of duplicate keys). */
export function memberOf(node: JsonNode | undefined, key: string): JsonMember | undefined {
  if (node?.kind !== "object") return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i].key === key) return node.members[i];
  return undefined;
}

class SpanReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipSpace();
    return this.value();
  }

  private value(): JsonNode {
    const start = this.pos;
    const ch = this.text[this.pos];
    if (ch === "{") return this.object(start);
    if (ch === "[") return this.array(start);
    if (ch === '"') {
      const value = this.string();
      return { kind: "string", start, end: this.pos, value };
    }
    while (this.pos < this.text.length && !",]} \t\r\n".includes(this.text[this.pos])) this.pos++;
    if (this.pos === start) throw new Error(`json-spans: no value at offset ${start}`);
    return { kind: "literal", start, end: this.pos };
  }

  private object(start: number): JsonNode {
    const members: JsonMember[] = [];
    this.pos++;
    this.skipSpace();
    while (this.text[this.pos] !== "}") {
      const keyStart = this.pos;
      const key = this.string();
      const keyEnd = this.pos;
      this.skipSpace();
      this.expect(":");
      this.skipSpace();
      members.push({ key, keyStart, keyEnd, value: this.value() });
      this.skipSpace();
      if (this.text[this.pos] === ",") {
        this.pos++;
        this.skipSpace();
      }
    }
    this.pos++;
    return { kind: "object", start, end: this.pos, members };
  }

  private array(start: number): JsonNode {
    const items: JsonNode[] = [];
    this.pos++;
    this.skipSpace();
    while (this.text[this.pos] !== "]") {
      items.push(this.value());
      this.skipSpace();
      if (this.text[this.pos] === ",") {
        this.pos++;
        this.skipSpace();
      }
    }
    this.pos++;
    return { kind: "array", start, end: this.pos, items };
  }

  private string(): string {
    const start = this.pos;
    this.expect('"');
    while (this.text[this.pos] !== '"') {
      if (this.pos >= this.text.length) throw new Error(`json-spans: unterminated string at offset ${start}`);
      this.pos += this.text[this.pos] === "\\" ? 2 : 1;
    }
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  private expect(ch: string): void {
    if (this.text[this.pos] !== ch) throw new Error(`json-spans: expected ${ch} at offset ${this.pos}`);
    this.pos++;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && " \t\n\r".includes(this.text[this.pos])) this.pos++;
  }
}

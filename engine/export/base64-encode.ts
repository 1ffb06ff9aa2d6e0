/**
 * UTF-8 → Base64 without host APIs (the engine's platform-free lib has no `btoa`, `Buffer` or
 * `TextEncoder`): the inverse of engine/import/base64-text.ts, as AM's REST API writes `script`.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Offset (in UTF-16 units) of the first lone surrogate, which has no UTF-8 form; -1 when there is none. */
export function loneSurrogateOffset(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return -1;
}

/** Canonical padded Base64 of the text's UTF-8 bytes. The text must have no lone surrogate. */
export function encodeBase64Text(text: string): string {
  const bytes = utf8Bytes(text);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const group = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(group >> 18) & 63] + ALPHABET[(group >> 12) & 63];
    out += b === undefined ? "=" : ALPHABET[(group >> 6) & 63];
    out += c === undefined ? "=" : ALPHABET[group & 63];
  }
  return out;
}

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

/**
 * Base64 → UTF-8 text without host APIs (`atob`, `Buffer`, `TextDecoder` are not in the engine's
 * platform-free lib). Strict about the alphabet and about UTF-8, so garbage never becomes a script.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE_OF = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/** Canonical padded Base64, as AM and Frodo write it. */
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type DecodeOutcome = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Decodes Base64 that is declared to be Base64 (AM REST `script`). Tolerates line breaks and missing
 * padding, which hand-copied values often have.
 */
export function decodeBase64Text(encoded: string): DecodeOutcome {
  const bad = /[^A-Za-z0-9+/=\s]/.exec(encoded);
  if (bad) {
    return { ok: false, problem: `character ${JSON.stringify(bad[0])} at offset ${bad.index} is not in the Base64 alphabet` };
  }
  const unpadded = encoded.replace(/\s+/g, "").replace(/={1,2}$/, "");
  if (unpadded.includes("=")) return { ok: false, problem: "'=' padding appears before the end" };
  if (unpadded.length % 4 === 1) return { ok: false, problem: "its length is not a whole number of Base64 groups" };
  const bytes = base64Bytes(unpadded);
  return decodeUtf8(bytes);
}

/**
 * For fields that may hold either Base64 or plain source (Amster `data.script`, a Frodo single
 * string): true only for canonical Base64 that decodes to readable text. Real scripts contain
 * spaces, line breaks or punctuation, so they never pass; short bare words are the ambiguous case.
 */
export function decodeIfBase64(candidate: string): string | null {
  if (candidate.length === 0 || !CANONICAL_BASE64.test(candidate)) return null;
  const outcome = decodeUtf8(base64Bytes(candidate.replace(/={1,2}$/, "")));
  if (!outcome.ok || !isReadableText(outcome.text)) return null;
  return outcome.text;
}

/**
 * True when neither reading of a Base64-looking string is clearly a script: the raw text is a lone
 * identifier (valid, if pointless, JavaScript) and the decoded text has no spaces or code punctuation
 * either. Decoded text that looks like code settles the question, so no warning is needed then.
 */
export function isAmbiguousBase64(raw: string, decoded: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(raw) && !/[\s;(){}=.,'"]/.test(decoded);
}

function base64Bytes(unpadded: string): number[] {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of unpadded) {
    buffer = (buffer << 6) | VALUE_OF.get(ch)!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

function decodeUtf8(bytes: number[]): DecodeOutcome {
  let text = "";
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i];
    const [length, min] = first < 0x80 ? [1, 0] : (first & 0xe0) === 0xc0 ? [2, 0x80] : (first & 0xf0) === 0xe0 ? [3, 0x800] : (first & 0xf8) === 0xf0 ? [4, 0x10000] : [0, 0];
    if (length === 0 || i + length > bytes.length) return notUtf8(i);
    let codePoint = length === 1 ? first : first & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return notUtf8(i);
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return notUtf8(i);
    text += String.fromCodePoint(codePoint);
    i += length;
  }
  return { ok: true, text };
}

function notUtf8(byteOffset: number): DecodeOutcome {
  return { ok: false, problem: `it decodes to bytes that are not UTF-8 text (byte ${byteOffset})` };
}

function isReadableText(text: string): boolean {
  // Tabs, line breaks and form feeds occur in source; other control characters mean binary data.
  return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text);
}

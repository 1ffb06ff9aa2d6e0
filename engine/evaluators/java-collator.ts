/**
 * String.prototype.localeCompare as Rhino 1.7.14 answers it: java.text.Collator for the JVM's locale, strength
 * IDENTICAL, canonical decomposition, so "a" < "A" < "b" < "B" (QuickJS compares code units: "A" < "B" < "a"),
 * a space or hyphen inside a word counts only after the letters ("ab" < "a b"), and the answer is -1, 0 or 1.
 * The collation elements are Java 17's for en-US (java-collation-en-us.json, recorded with
 * test/conformance/builtins/record-collation.mjs); AM's JVM locale is not known here, so a script that compares
 * is told that (lint: locale-compare-locale). Goldens: real Rhino's answers for 8,000 pairs
 * (test/conformance/builtins/locale-compare.golden.json).
 */
import table from "./java-collation-en-us.json";

const ELEMENTS = table.elements as Record<string, number[]>;
const CONTRACTIONS = table.contractions as Record<string, number[]>;
const UNMAPPED_PRIMARY = 0x7fff0000;

const primary = (order: number): number => order >>> 16;
const secondary = (order: number): number => (order >>> 8) & 0xff;
const tertiary = (order: number): number => order & 0xff;

/**
 * The collation elements of `text` in Java's order, one at a time: NFD first (canonical decomposition), then each
 * char's elements, a contraction's as one. Read lazily, so comparing long texts that differ early costs little and
 * no list of every element is ever built. An order of 0 (control characters) is wholly ignorable and never given.
 */
class Elements {
  private readonly text: string;
  private at = 0;
  private pending: readonly number[] = [];
  private next = 0;
  constructor(text: string) {
    this.text = text.normalize("NFD");
  }
  /** The next order, or -1 at the end. */
  read(): number {
    for (;;) {
      if (this.next < this.pending.length) {
        const order = this.pending[this.next++];
        if (order !== 0) return order;
        continue;
      }
      if (this.at >= this.text.length) return -1;
      const contracted = this.at + 1 < this.text.length ? CONTRACTIONS[this.text.slice(this.at, this.at + 2)] : undefined;
      const code = this.text.charCodeAt(this.at);
      this.pending = contracted ?? ELEMENTS[code] ?? [UNMAPPED_PRIMARY, code * 0x10000];
      this.at += contracted ? 2 : 1;
      this.next = 0;
    }
  }
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/**
 * Java's multi-level comparison: the first difference of primary weights decides; failing one, the first
 * difference of secondary weights (accents, and the primary-ignorable space and hyphen, which make a string
 * greater where they stand), then of tertiary weights (case); then the decomposed texts' code units (IDENTICAL).
 */
export function javaCollatorCompare(left: string, right: string): -1 | 0 | 1 {
  if (left === right) return 0;
  // A common beginning gives the same elements on both sides, which decide nothing: it is skipped up to a point where
  // an ASCII char ends it and ASCII (or the end) follows on both sides, so that no accent or contraction spans the cut.
  let cut = 0;
  const shorter = Math.min(left.length, right.length);
  while (cut < shorter && left.charCodeAt(cut) === right.charCodeAt(cut)) cut++;
  const ascii = (text: string, i: number): boolean => i >= text.length || text.charCodeAt(i) < 0x80;
  while (cut > 0 && !(left.charCodeAt(cut - 1) < 0x80 && ascii(left, cut) && ascii(right, cut))) cut--;
  const a = cut > 0 ? left.slice(cut) : left;
  const b = cut > 0 ? right.slice(cut) : right;
  const ea = new Elements(a);
  const eb = new Elements(b);
  let result: -1 | 0 | 1 = 0;
  let checkSecondary = true;
  let checkTertiary = true;
  let x = ea.read();
  let y = eb.read();
  while (x >= 0 && y >= 0) {
    if (x === y) {
      x = ea.read();
      y = eb.read();
      continue;
    }
    const px = primary(x);
    const py = primary(y);
    if (px !== py) {
      // An element with no primary weight (an accent, a space) is stepped over on its side, and makes that side
      // the greater unless an earlier element already told them apart.
      if (px === 0) {
        if (checkSecondary) {
          result = 1;
          checkSecondary = false;
        }
        x = ea.read();
      } else if (py === 0) {
        if (checkSecondary) {
          result = -1;
          checkSecondary = false;
        }
        y = eb.read();
      } else {
        return px < py ? -1 : 1;
      }
      continue;
    }
    if (checkSecondary) {
      if (secondary(x) !== secondary(y)) {
        result = sign(secondary(x) - secondary(y));
        checkSecondary = false;
      } else if (checkTertiary && tertiary(x) !== tertiary(y)) {
        result = sign(tertiary(x) - tertiary(y));
        checkTertiary = false;
      }
    }
    x = ea.read();
    y = eb.read();
  }
  // What is left on one side: a primary weight makes that side greater at once; an accent only if nothing decided yet.
  for (; x >= 0; x = ea.read()) {
    if (primary(x) !== 0) return 1;
    if (secondary(x) !== 0 && checkSecondary) {
      result = 1;
      checkSecondary = false;
    }
  }
  for (; y >= 0; y = eb.read()) {
    if (primary(y) !== 0) return -1;
    if (secondary(y) !== 0 && checkSecondary) {
      result = -1;
      checkSecondary = false;
    }
  }
  if (result !== 0) return result;
  const na = a.normalize("NFD");
  const nb = b.normalize("NFD");
  return na < nb ? -1 : na > nb ? 1 : 0;
}

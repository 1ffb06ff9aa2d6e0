/** Pairs of strings whose localeCompare real Rhino answers (record-collation.mjs): hand-picked, then seeded random ones. */
const CHARS = [" ", "-", "_", ".", ",", "@", "/", ":", "'", "0", "1", "9", "a", "A", "b", "B", "z", "Z", "\u00e9", "\u00c9", "e", "E", "\u00df", "\u00f6", "o", "\u00e6", "\u00f1", "n", "\u0131", "i", "I", "\u03a9", "\u4e2d", "\uff41", "\u0001", "\u00a0", "\u00ad", "\u2013"];
const WORDS = ["", "a", "A", "ab", "aB", "Ab", "a b", "a-b", "a_b", "ab1", "ab10", "ab2", "abc", "Abc", "r\u00e9sum\u00e9", "resume", "Resume", "co-op", "coop", "co op", "strasse", "stra\u00dfe", "M\u00fcller", "Mueller", "Muller", "alpha", "Alpha", "ALPHA", "beta", "_x", "x_", "1", "10", "2", "a.b", "a@b", "user.0@a.com", "user.0@c.com", "\u00c6SIR", "aesir", "\u00f1andu", "nandu", "zeta", "Zeta", "\u00e9clair", "eclair", "Eclair", "e\u0301clair", "u\u0308\u0301", "\u01d8", "fr:idm:*", "fr:iga:*", "openid", "profile", "email", "Admin", "admins", "group-1", "group_1", "Group 1"];
const ALPHABET = "aAbBeEzZ019 -_.@\u00e9\u00e8\u00ea\u00c9\u00df\u00e6\u00f6\u0308\u0301\u0327\u03b1\u0416\u4e00\uac00\u00a0\u0009";

function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20261202);
const word = () => {
  let w = "";
  const n = 1 + Math.floor(random() * 5);
  for (let i = 0; i < n; i++) w += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return w;
};

export const LOCALE_COMPARE_PAIRS = [
  ...CHARS.flatMap((a) => CHARS.map((b) => [a, b])),
  ...WORDS.flatMap((a) => WORDS.map((b) => [a, b])),
  ...Array.from({ length: 3000 }, () => [word(), word()]),
];

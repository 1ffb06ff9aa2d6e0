/**
 * Finds where a JSON path (as the scenario validator names it, e.g. `$.identity.attributes.mail[0]`)
 * sits in the JSON text, so an invalid field can be underlined where the user wrote it.
 */
import { jsonPath } from "../../engine/api";

export interface TextRange {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

export interface JsonPlace {
  /** The property name (for object members), else the value. */
  key: TextRange | null;
  value: TextRange;
}

/** Every path in valid JSON text with the place of its key and value. */
export function indexJsonPlaces(text: string): Map<string, JsonPlace> {
  const places = new Map<string, JsonPlace>();
  let i = 0;

  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: PropertyKey[], key: TextRange | null): void => {
    skipSpace();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      skipSpace();
      while (text[i] !== "}" && i < text.length) {
        skipSpace();
        const keyStart = i;
        const name = readString();
        const keyRange = { start: keyStart, end: i };
        skipSpace();
        i++; // colon
        readValue([...path, name], keyRange);
        skipSpace();
        if (text[i] === ",") i++;
        skipSpace();
      }
      i++;
    } else if (c === "[") {
      i++;
      skipSpace();
      let index = 0;
      while (text[i] !== "]" && i < text.length) {
        readValue([...path, index++], null);
        skipSpace();
        if (text[i] === ",") i++;
        skipSpace();
      }
      i++;
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && /[^\s,\]}]/.test(text[i])) i++;
    }
    places.set(jsonPath(path), { key, value: { start, end: i } });
  };

  readValue([], null);
  return places;
}

/** Splits `$.a.b[0]["c d"]` into its ancestors, nearest first: `$.a.b[0]`, `$.a.b`, `$.a`, `$`. */
export function ancestorPaths(path: string): string[] {
  const out: string[] = [];
  let rest = path;
  while (rest !== "$" && rest.length > 1) {
    const m = /(\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/.exec(rest);
    if (!m) break;
    rest = rest.slice(0, rest.length - m[0].length);
    out.push(rest);
  }
  if (out[out.length - 1] !== "$") out.push("$");
  return out;
}

/**
 * The text range to underline for an issue at `path`: the key of the field when it exists (an unknown or
 * wrong field), else its nearest existing ancestor's key (a required field missing inside it).
 */
export function locateJsonPath(text: string, path: string, places = indexJsonPlaces(text)): TextRange {
  for (const candidate of [path, ...ancestorPaths(path)]) {
    const place = places.get(candidate);
    if (!place) continue;
    if (candidate === path) {
      const compound = text[place.value.start] === "{" || text[place.value.start] === "[";
      if (!place.key) return compound ? { start: place.value.start, end: place.value.start + 1 } : place.value;
      return compound ? place.key : { start: place.key.start, end: place.value.end };
    }
    return place.key ?? { start: place.value.start, end: Math.min(place.value.end, place.value.start + 1) };
  }
  return { start: 0, end: Math.min(1, text.length) };
}

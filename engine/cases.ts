/**
 * Test cases: a scenario with `script` and `expect`, where `expect` is a deep subset of the run result.
 * Objects match when every expected key matches; arrays of values must be equal; arrays of objects match
 * when the expected items appear in order (other items may sit between them).
 */
import type { RunResult } from "./result";
import { jsonPath } from "./scenario/validate";
import { ownValue } from "./util/own-keys";

export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
  /** Set when no item of the actual list (here `actual`) matched the expected item in order. */
  notFoundInOrder?: true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function matches(expected: unknown, actual: unknown, path: (string | number)[], out: Mismatch[]): boolean {
  if (isObject(expected)) {
    if (!isObject(actual)) {
      out.push({ path: jsonPath(path), expected, actual });
      return false;
    }
    let ok = true;
    for (const [k, v] of Object.entries(expected)) ok = matches(v, ownValue(actual, k), [...path, k], out) && ok;
    return ok;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path: jsonPath(path), expected, actual });
      return false;
    }
    if (expected.some((e) => isObject(e))) {
      let from = 0;
      for (let i = 0; i < expected.length; i++) {
        let found = -1;
        for (let j = from; j < actual.length; j++) {
          if (matches(expected[i], actual[j], [...path, j], [])) {
            found = j;
            break;
          }
        }
        if (found < 0) {
          out.push({ path: jsonPath([...path, i]), expected: expected[i], actual: actual.slice(from), notFoundInOrder: true });
          return false;
        }
        from = found + 1;
      }
      return true;
    }
    if (expected.length !== actual.length || expected.some((e, i) => !matches(e, actual[i], [...path, i], []))) {
      out.push({ path: jsonPath(path), expected, actual });
      return false;
    }
    return true;
  }
  if (expected === actual || (Number.isNaN(expected) && Number.isNaN(actual))) return true;
  out.push({ path: jsonPath(path), expected, actual });
  return false;
}

/** Mismatches between a case's `expect` and a run result; empty when the case passes. */
export function checkExpectation(expect: Record<string, unknown> | undefined, result: RunResult): Mismatch[] {
  const out: Mismatch[] = [];
  if (!expect) {
    if (!result.ok) out.push({ path: "$.error", expected: null, actual: result.error });
    return out;
  }
  if (!("error" in expect) && !("ok" in expect) && !result.ok) {
    out.push({ path: "$.error", expected: null, actual: result.error });
  }
  matches(expect, result as unknown as Record<string, unknown>, [], out);
  return out;
}

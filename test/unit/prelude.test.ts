import { describe, expect, it } from "vitest";
import { PRELUDE_SOURCE } from "../../engine/sandbox/prelude";

describe("the sandbox prelude", () => {
  it("is plain ASCII: QuickJS parses non-ASCII source on a slow path, and the prelude is parsed on every run", () => {
    expect([...PRELUDE_SOURCE].filter((c) => c.charCodeAt(0) > 127)).toEqual([]);
  });
});

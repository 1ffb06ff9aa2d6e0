/**
 * `catch (e) { const e = …; }` as Rhino 1.7.14 treats it: the declaration fails when it runs, as an InternalError
 * a catch block can catch, and not at all when it does not run. `rhino -version 0 -opt -1` printed (2026-12-01):
 *   try { x(); } catch (e) { const e = 1; print(e); }
 *     → js: "c1.js", line 1: TypeError: redeclaration of var e.
 *   try { try { x(); } catch (e) { print("in catch"); const e = 1; print(e); } } catch (outer) { print("outer " + outer.name + ": " + outer.message); }
 *     → in catch | outer InternalError: TypeError: redeclaration of var e. (c1.js#1)
 *   try { print("no throw"); } catch (e) { const e = 1; print(e); } print("end");     → no throw | end
 *   try { x(); } catch (e) { if (false) { const e = 1; } print("after"); }             → after
 *   try { x(); } catch (e) { const f = 1; print(f); }                                  → 1
 *   function f() { try { x(); } catch (e) { const e = 1; } } f();                      → TypeError: redeclaration of var e. (in f)
 * (Rhino's message ends with the script and line, " (c1.js#1)"; the playground's errors never carry that suffix.)
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine/run";

const legacy = { evaluator: "legacy" } as const;
const logs = (r: Awaited<ReturnType<typeof run>>) => r.logs.map((l) => l.message);

describe("const redeclaring a catch clause's parameter", () => {
  it("fails the script when it runs, at its line", async () => {
    const result = await run("var a = 1;\ntry { x(); } catch (e) { const e = 1; logger.message(String(e)); }", {}, legacy);
    expect(result.error?.message).toBe("InternalError: TypeError: redeclaration of var e.");
    expect(result.error?.line).toBe(2);
    expect(logs(result)).toEqual([]);
    expect(result.warnings.find((w) => w.code === "rhino-const")?.message).toContain("declares the catch clause's parameter again");
  });

  it("is an InternalError an outer catch block catches, after the statements before it ran", async () => {
    const result = await run(
      'try { try { x(); } catch (e) { logger.message("in catch"); const e = 1; } } catch (outer) { logger.message("outer " + outer.name + ": " + outer.message); }',
      {},
      legacy,
    );
    expect(result.error).toBeNull();
    expect(logs(result)).toEqual(["in catch", "outer InternalError: TypeError: redeclaration of var e."]);
  });

  it("inside a function too", async () => {
    const result = await run("function f() { try { x(); } catch (e) { const e = 1; } } f();", {}, legacy);
    expect(result.error?.message).toBe("InternalError: TypeError: redeclaration of var e.");
  });

  it("does nothing when the catch block does not run, or the declaration is not reached", async () => {
    const a = await run('try { logger.message("no throw"); } catch (e) { const e = 1; } logger.message("end");', {}, legacy);
    expect(logs(a)).toEqual(["no throw", "end"]);
    const b = await run('try { x(); } catch (e) { if (false) { const e = 1; } logger.message("after"); }', {}, legacy);
    expect(b.error).toBeNull();
    expect(logs(b)).toEqual(["after"]);
  });

  it("another name in the catch block is an ordinary const (in a function: a top-level const reads undefined in AM)", async () => {
    const result = await run("(function () { try { x(); } catch (e) { const f = 1; logger.message(String(f)); } })();", {}, legacy);
    expect(result.error).toBeNull();
    expect(logs(result)).toEqual(["1"]);
  });
});

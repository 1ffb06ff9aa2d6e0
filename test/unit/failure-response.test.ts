/**
 * When the script fails, AM does not issue the unmodified token: the token request fails. Every failed run's
 * result carries what the client receives (flows-and-hooks.md §A.6), with the inferred parts marked.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const AM_FAILURE = {
  status: 500,
  body: { error: "server_error", error_description: "Error running access token modification plugin" },
};

describe("a failed run carries the token endpoint's failure response", () => {
  it.each([
    ["a runtime error (legacy)", "legacy", "accessToken.setField('a', 1);\nnoSuchFunction();"],
    ["a runtime error (next-gen)", "next-gen", "accessToken.noSuchMethod();"],
    ["a thrown value", "next-gen", "throw new Error('refused');"],
    ["a syntax error", "legacy", "var x = ;"],
    ["a timeout", "next-gen", "while (true) {}"],
  ])("%s: no token response, a 500 with AM's message, inferred parts marked", async (_what, evaluator, script) => {
    const result = await run(script, { evaluator, timeoutMs: 200 });
    expect(result.ok).toBe(false);
    expect(result.error).not.toBeNull();
    expect(result.tokenResponse).toBeNull();
    expect(result.failure).toMatchObject(AM_FAILURE);
    // The message is AM's own wording; the status and the body's shape are inferred, and say so.
    expect(result.failure!.inferred).toEqual(["/status", "/body/error"]);
    expect(result.failure!.note).toMatch(/inferred/);
  });

  it("a run that succeeds has no failure response", async () => {
    const result = await run("accessToken.setField('a', 'b');", { evaluator: "next-gen" });
    expect(result.ok).toBe(true);
    expect(result.failure).toBeNull();
    expect(result.tokenResponse).not.toBeNull();
  });

  it("each result has its own copy (changing one does not change the next)", async () => {
    const first = await run("throw 1;", {});
    first.failure!.body.error_description = "changed";
    const second = await run("throw 1;", {});
    expect(second.failure!.body.error_description).toBe("Error running access token modification plugin");
  });
});

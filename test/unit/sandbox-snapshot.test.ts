/**
 * Runs start from a prepared sandbox restored from a snapshot of the wasm memory (engine/sandbox/snapshot.ts).
 * What a user must not notice: any difference from a sandbox built for the run. Every run starts from the same
 * bytes, whatever the run before it did, and gives what a freshly built sandbox gives.
 */
import { createHash } from "node:crypto";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../engine";
import { observeRestores, setSandboxSnapshots } from "../../engine/sandbox/snapshot";
import { loadCorpus } from "../bench/corpus.mjs";

const ng = (script: string) => run(script, { evaluator: "next-gen" });
const legacy = (script: string) => run(script, { evaluator: "legacy" });

/** Runs `script` and returns the digest of the guest memory as restored before it started. */
async function restoredDigest(script: string, runner = ng): Promise<{ digest: string; bytes: number }> {
  const digests: { digest: string; bytes: number }[] = [];
  observeRestores((region) => digests.push({ digest: createHash("sha256").update(region).digest("hex"), bytes: region.byteLength }));
  try {
    await runner(script);
  } finally {
    observeRestores(null);
  }
  expect(digests).toHaveLength(1);
  return digests[0]!;
}

afterEach(() => {
  setSandboxSnapshots(true);
  observeRestores(null);
});

describe("every run starts from the same prepared sandbox", () => {
  it("two runs with the same inputs see byte-identical guest memory before they start", async () => {
    await ng("accessToken.setField('warm', 1);"); // prepares the snapshot for next-gen
    const script = "accessToken.setField('n', Math.random()); var big = []; for (var i = 0; i < 5000; i++) big.push('x' + i);";
    const first = await restoredDigest(script);
    const second = await restoredDigest(script);
    expect(first.bytes).toBeGreaterThan(64 * 1024);
    expect(second).toEqual(first);
  });

  it("a run that polluted prototypes and globals leaves the next one's memory as it was", async () => {
    await ng("accessToken.setField('warm', 1);");
    const clean = await restoredDigest("accessToken.setField('a', 1);");
    const polluting = [
      "Object.prototype.polluted = 'yes';",
      "Array.prototype.push = function () { return -1; };",
      "String.prototype.trim = function () { return 'hijacked'; };",
      "JSON.stringify = function () { return 'hijacked'; };",
      "Math.random = function () { return 0.5; };",
      "Date.now = function () { return 1; };",
      "globalThis.leaked = 'still here';",
      "var leakedVar = 1;",
      "Object.defineProperty(Object.prototype, 'sticky', { get: function () { return 'sticky'; } });",
    ].join("\n");
    const afterPollution = await restoredDigest(polluting);
    expect(afterPollution).toEqual(clean);

    const probe = await ng(
      [
        "var a = [];",
        "accessToken.setField('polluted', String(({}).polluted));",
        "accessToken.setField('push', a.push(1));",
        "accessToken.setField('trim', ' x '.trim());",
        "accessToken.setField('stringify', JSON.stringify({ a: 1 }));",
        "accessToken.setField('random', Math.random() !== 0.5);",
        "accessToken.setField('now', Date.now() !== 1);",
        "accessToken.setField('leaked', typeof leaked);",
        "accessToken.setField('leakedVar', typeof leakedVar);",
        "accessToken.setField('sticky', String(({}).sticky));",
      ].join("\n"),
    );
    expect(probe.error).toBeNull();
    expect(probe.introspection).toMatchObject({
      polluted: "undefined",
      push: 1,
      trim: "x",
      stringify: '{"a":1}',
      random: true,
      now: true,
      leaked: "undefined",
      leakedVar: "undefined",
      sticky: "undefined",
    });
  });

  it("a run that recursed to the stack limit leaves the next one's memory as it was (the restore rewrites the stack it used)", async () => {
    await ng("accessToken.setField('warm', 1);");
    const clean = await restoredDigest("accessToken.setField('a', 1);");
    const deep = [
      "function f(n) { try { return f(n + 1) + 1; } catch (e) { return 0; } } f(0);",
      "function g(o, n) { return n ? g({ __proto__: o }, n - 1) : o; } g({}, 1000).x;",
      "var s = ''; for (var i = 0; i < 100000; i++) s += '['; try { JSON.parse(s); } catch (e) {}",
      "var r = ''; for (var i = 0; i < 20000; i++) r += '('; try { new RegExp(r); } catch (e) {}",
    ];
    for (const script of deep) {
      await ng(script);
      expect(await restoredDigest("accessToken.setField('a', 1);"), script).toEqual(clean);
    }
  });

  it("legacy and next-gen each restore their own sandbox, interleaved, and see what Rhino's surface hides", async () => {
    const script = "accessToken.setField('map', typeof Map); accessToken.setField('promise', typeof Promise); accessToken.setField('proxy', typeof Proxy);";
    for (let i = 0; i < 3; i++) {
      for (const runner of [ng, legacy]) {
        const result = await runner(script);
        expect(result.error).toBeNull();
        expect(result.introspection).toMatchObject({ map: "undefined", promise: "undefined", proxy: "undefined" });
      }
    }
    const a = await restoredDigest("accessToken.setField('x', 1);", legacy);
    await ng("globalThis.x = 1; Object.prototype.y = 2;");
    const b = await restoredDigest("accessToken.setField('x', 1);", legacy);
    expect(b).toEqual(a);
  });

  it("the per-run clock and seed are the run's own, not the prepared sandbox's placeholders", async () => {
    const script = "accessToken.setField('now', Date.now()); accessToken.setField('r', Math.random());";
    const one = await run(script, { evaluator: "next-gen", clock: "2026-01-02T03:04:05Z", seed: 7 });
    const two = await run(script, { evaluator: "next-gen", clock: "2026-01-02T03:04:05Z", seed: 8 });
    const again = await run(script, { evaluator: "next-gen", clock: "2026-01-02T03:04:05Z", seed: 7 });
    expect(one.introspection?.now).toBe(Date.parse("2026-01-02T03:04:05Z"));
    expect(one.introspection?.r).not.toBe(two.introspection?.r);
    expect(again.introspection).toEqual(one.introspection);
  });

  it("after a run that exhausted the memory, the next run prepares a new sandbox and works", async () => {
    await ng("accessToken.setField('warm', 1);");
    // One allocation past the cap: a memory error at once, whatever the machine's load (no race with the timeout).
    const bomb = await ng("var s = 'x'.repeat(5e8);");
    expect(bomb.error?.kind).toBe("memory");
    const next = await ng("accessToken.setField('after', 'ok');");
    expect(next.introspection?.after).toBe("ok");
    const digest = await restoredDigest("accessToken.setField('after', 'ok');");
    expect(await restoredDigest("accessToken.setField('after', 'ok');")).toEqual(digest);
  });
});

describe("a restored sandbox gives what a freshly built one gives", () => {
  /** The result without what legitimately differs between two runs (how long they took). */
  const comparable = (result: unknown): unknown => JSON.parse(JSON.stringify(result, (key, value) => (key === "timings" || key === "evalMs" ? undefined : value)));

  it("over every sample of the corpus, run twice each way", { timeout: 120_000 }, async () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThan(5);
    for (const entry of corpus) {
      setSandboxSnapshots(false);
      const fresh = await run(entry.script, entry.scenario);
      setSandboxSnapshots(true);
      const restored = await run(entry.script, entry.scenario);
      const restoredAgain = await run(entry.script, entry.scenario);
      expect(comparable(restored), entry.name).toEqual(comparable(fresh));
      expect(comparable(restoredAgain), entry.name).toEqual(comparable(fresh));
    }
  });
});

describe("what a run leaves on the host side goes with it", () => {
  it("400 runs requiring a library keep the host heap where 50 left it (a library realm's run kept 35 KB each)", async () => {
    // A full GC between measures, so what is measured is what stays reachable, not what is not yet collected.
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const library = loadCorpus().find((entry: { name: string }) => entry.name === "library-claims") as { script: string; scenario: Record<string, unknown> };
    const runs = async (n: number) => {
      for (let i = 0; i < n; i++) expect((await run(library.script, library.scenario)).error).toBeNull();
    };
    const heapAfterGc = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    await runs(50);
    const before = heapAfterGc();
    await runs(400);
    // quickjs-emscripten's host-function table lost none of a run's entries (they leave only when QuickJS
    // finalizes the function, which a memory restore never does): 400 runs kept 14 MB before the fix.
    expect(heapAfterGc() - before).toBeLessThan(3 * 1024 * 1024);
  }, 60_000);
});

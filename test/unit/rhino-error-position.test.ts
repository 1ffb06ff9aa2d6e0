/**
 * Where Rhino puts the script's position, " (<sourceName>#<line>)" (engine/evaluators/rhino-position.ts): the
 * message of its own refusals (an EvaluatorException, caught as an InternalError: "Can't find method …",
 * "Cannot convert …", "Access to Java class … is prohibited.") ends with it, in e.message and String(e), once
 * (a rethrown error keeps its text); a TypeError, a ReferenceError and a Java exception (JavaException, or an
 * InternalError for a class the shutter hides) do not carry it. Uncaught, every failure's getMessage() (what AM's
 * ScriptException logs) ends with it: the playground's run error is that text's details and its line.
 * Goldens: goldens/rhino-error-position.json, recorded by goldens/RhinoPosition.java in Rhino 1.7.14 under AM's
 * legacy source name "<Unknown source>".
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import { AM_LEGACY_SOURCE_NAME, withScriptPosition } from "../../engine/evaluators/rhino-position";
import golden from "./goldens/rhino-error-position.json";

// Declared after the case's own lines, so that the case's line numbers are the recorded ones.
const OUT = "\nfunction out(v) { logger.message(String(v)); }";

describe("Rhino's script position in its own errors (legacy)", () => {
  for (const c of golden.cases) {
    it(c.id, async () => {
      const result = await run(c.source + OUT, {}, { evaluator: "legacy" });
      const seen = result.logs.map((l) => l.message);
      if (result.error) seen.push(`UNCAUGHT ${withScriptPosition(result.error.message, AM_LEGACY_SOURCE_NAME, result.error.line ?? 0)}`);
      // Java 17's helpful NullPointerException names the JDK's own local variable; the golden keeps Rhino's text.
      expect(seen.join("\n").split("\n")).toEqual(c.rhino);
    });
  }
});

describe("Rhino's script position in its own errors (next-generation)", () => {
  it("ends a caught refusal's message with the script's name and line, as a live AIC tenant's did", async () => {
    const script = 'var u = utils.crypto;\ntry { u.randomUUID(1); } catch (e) { logger.info(String(e)); }\ntry { u.subtle.digest("MD5", [1]); } catch (e) { logger.info(String(e)); }';
    const result = await run(script, { scriptName: "AIC Rhino Let Probe" }, { evaluator: "next-gen" });
    expect(result.logs.map((l) => l.message)).toEqual([
      "InternalError: Can't find method org.forgerock.openam.scripting.bindings.crypto.ScriptCryptoService.randomUUID(number). (AIC Rhino Let Probe#2)",
      // A Java exception of a class AIC's shutter hides: getMessage() alone.
      "InternalError: Algorithm must be one of [SHA-256, SHA-384, SHA-1, SHA-512]",
    ]);
  });
});

describe("Rhino's script position, run twice", () => {
  it("gives the same text for the same case twice in one process", async () => {
    const source = golden.cases.map((c) => c.source).join("\n") + OUT;
    const once = await run(source, {}, { evaluator: "legacy" });
    const twice = await run(source, {}, { evaluator: "legacy" });
    expect(JSON.stringify([twice.logs, twice.error, twice.warnings])).toBe(JSON.stringify([once.logs, once.error, once.warnings]));
    expect(once.logs.some((l) => l.message.includes("(<Unknown source>#"))).toBe(true);
  });
});

/**
 * A logger method the class lacks: Rhino names the method and the Java object it was looked up on (the logger's
 * own class, not a method of it), both when the run ends and in a catch block's e.message.
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const LOGGER = {
  legacy: /^TypeError: Cannot find function foo in object com\.sun\.identity\.shared\.debug\.Debug@[0-9a-f]+\.$/,
  "next-gen": /^TypeError: Cannot find function foo in object org\.forgerock\.openam\.scripting\.logging\.ScriptedLoggerWrapper@[0-9a-f]+\.$/,
} as const;

describe("logger.foo(…) fails naming foo and the logger's class", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: uncaught, at the call's line`, async () => {
      const result = await run('var x = 1;\nlogger.foo("x");', { evaluator });
      expect(result.error?.message).toMatch(LOGGER[evaluator]);
      expect(result.error?.line).toBe(2);
    });
    it(`${evaluator}: caught, through a variable holding the logger`, async () => {
      const result = await run('var l = logger, m;\ntry { l.foo("x", 1); } catch (e) { m = e.message; }\naccessToken.setField("m", m);', { evaluator });
      expect(result.error ?? null).toBeNull();
      expect(`TypeError: ${String(result.introspection?.m)}`).toMatch(LOGGER[evaluator]);
    });
  }
});

describe('logger["foo"](…) is worded as logger.foo(…)', () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: the same message, without a guess`, async () => {
      const result = await run('logger["foo"]("x");', { evaluator });
      expect(result.error?.message).toMatch(LOGGER[evaluator]);
      expect(result.warnings.map((w) => w.code)).not.toContain("rhino-message-approximate");
    });
  }
});

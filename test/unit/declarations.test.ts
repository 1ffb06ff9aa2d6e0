import { describe, expect, it } from "vitest";
import { BINDING_DECLARATIONS, declaredGlobals, resolveScenario } from "../../engine";
import { declaredMethods } from "../../engine/bindings/declarations";
import { createRunContext } from "../../engine/evaluators/context";
import { createTokenState } from "../../engine/token/state";
import { SeededRandom } from "../../engine/util/random";
import { nextGenBindings } from "../../engine/evaluators/nextgen/bindings";
import { legacyBindings } from "../../engine/evaluators/legacy/bindings";
import { HostObject } from "../../engine/sandbox/host";
import ts from "typescript";

function bindings(evaluator: "legacy" | "next-gen") {
  const scenario = resolveScenario({ session: {} });
  const random = new SeededRandom(1);
  const ctx = createRunContext(scenario, createTokenState(scenario, random), random);
  return (evaluator === "legacy" ? legacyBindings(ctx) : nextGenBindings(ctx)).globals;
}

const INTERFACES: Record<"legacy" | "next-gen", Record<string, string>> = {
  "next-gen": { accessToken: "AccessToken", clientProperties: "ScriptMap", requestProperties: "ScriptMap", identity: "Identity", logger: "Logger", httpClient: "HttpClient", openidm: "OpenIdm", secrets: "Secrets", systemEnv: "SystemEnv" },
  legacy: { accessToken: "AccessToken", logger: "Debug", httpClient: "LegacyHttpClient", systemEnv: "SystemEnv" },
};

describe("binding declarations (IntelliSense) and the sandbox's bindings", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: every declared global is bound, and every bound global is declared`, () => {
      const bound = Object.keys(bindings(evaluator)).sort();
      expect(declaredGlobals(evaluator).sort()).toEqual(bound);
    });

    it(`${evaluator}: declared methods and host methods are the same`, () => {
      const globals = bindings(evaluator);
      for (const [name, iface] of Object.entries(INTERFACES[evaluator])) {
        const host = globals[name] as HostObject;
        expect(host, name).toBeInstanceOf(HostObject);
        expect([...declaredMethods(evaluator, iface)].sort(), `${name} (${iface})`).toEqual([...host.members.names].filter((m) => m !== "toString" && !m.startsWith("#")).sort());
      }
    });

    it(`${evaluator}: the declarations are valid TypeScript`, () => {
      const file = ts.createSourceFile("bindings.d.ts", BINDING_DECLARATIONS[evaluator], ts.ScriptTarget.ES2020, true);
      const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    });
  }
});

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { runResultJsonSchema, runResultSchema } from "../../engine/result-schema";
import { run } from "../../engine";

/** Every property of a JSON Schema, wherever it sits (nested objects, list items, anyOf branches, maps). */
function properties(node: unknown, path: string, out: { path: string; schema: Record<string, unknown> }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => properties(n, `${path}[${i}]`, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === "properties" && value && typeof value === "object") {
        for (const [name, schema] of Object.entries(value as Record<string, Record<string, unknown>>)) {
          out.push({ path: `${path}.${name}`, schema });
          properties(schema, `${path}.${name}`, out);
        }
      } else properties(value, key === "items" ? `${path}[]` : path, out);
    }
  }
  return out;
}

describe.each([
  ["schema/scenario.schema.json", 80],
  ["schema/run-result.schema.json", 40],
])("%s", (file, atLeast) => {
  const schema = JSON.parse(readFileSync(file, "utf8"));

  it("has a description on every property, so editors explain every field", () => {
    const all = properties(schema, "$");
    expect(all.length).toBeGreaterThanOrEqual(atLeast);
    const undocumented = all.filter((p) => typeof p.schema.description !== "string" || p.schema.description.trim() === "");
    expect(undocumented.map((p) => p.path)).toEqual([]);
  });
});

describe("published run result JSON Schema", () => {
  it("schema/run-result.schema.json is the engine's (regenerate with npm run schema)", () => {
    expect(JSON.parse(readFileSync("schema/run-result.schema.json", "utf8"))).toEqual(runResultJsonSchema());
  });

  it("describes what run() really returns, for both evaluators, client-side tokens and ID tokens included", async () => {
    const legacy = await run("logger.message('hi'); accessToken.setField('n', 1);", { token: { storage: "client-side" }, scopes: ["openid"] });
    const nextGen = await run("logger.info('hi'); null.x;", { evaluator: "next-gen" });
    for (const result of [legacy, nextGen]) {
      const parsed = runResultSchema.strict().safeParse(result);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
    expect(legacy.jwt?.header).toMatchObject({ alg: "HS256" });
    expect(legacy.idToken?.claims).toHaveProperty("at_hash");
    expect(nextGen.error?.kind).toBe("runtime");
  });

  it("the scenario's expect keys are the run result's documented fields", () => {
    const scenario = JSON.parse(readFileSync("schema/scenario.schema.json", "utf8"));
    const expectKeys = Object.keys(scenario.properties.expect.properties);
    const resultKeys = Object.keys((JSON.parse(readFileSync("schema/run-result.schema.json", "utf8")) as { properties: object }).properties);
    // `steps` is the flow result's (a flow case expects each step) and `ibm` the IBM product's request view;
    // every other key is the run result's.
    for (const key of expectKeys.filter((k) => k !== "steps" && k !== "ibm")) expect(resultKeys).toContain(key);
    expect(expectKeys).toEqual(expect.arrayContaining(["ok", "idToken"]));
  });
});

describe("identity.groups vs the isMemberOf attribute, as the README and the schema describe them", () => {
  it("groups feed legacy getMemberships, not isMemberOf; isMemberOf is only what attributes list", async () => {
    const scenario = { identity: { groups: [{ id: "admins" }], attributes: { isMemberOf: ["cn=staff,ou=groups"] } } };
    const legacy = await run(
      "var g = identity.getMemberships(com.sun.identity.idm.IdType.GROUP).toArray();\n" +
        "logger.error('groups=' + g.length + ' ' + g[0].getName() + ' memberOf=' + identity.getAttribute('isMemberOf'));",
      scenario,
    );
    expect(legacy.error).toBeNull();
    expect(legacy.logs.map((l) => l.message)).toContain("groups=1 admins memberOf=[cn=staff,ou=groups]");
    const nextGen = await run("logger.error('memberOf=' + JSON.stringify(identity.getAttributeValues('isMemberOf')));", { ...scenario, evaluator: "next-gen" });
    expect(nextGen.logs.map((l) => l.message)).toContain('memberOf=["cn=staff,ou=groups"]');
  });
});

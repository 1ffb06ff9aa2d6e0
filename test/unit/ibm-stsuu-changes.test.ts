/**
 * The STSUU before and after the rule under edit: what IBM handed the rule and what the rule changed in it,
 * attribute by attribute, as AM's token before/after is shown (the app's IBM panel, the CLI's text output).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, type IbmRunResult } from "../../engine";

const IMPORTS = `importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
var RESPONSE = "urn:ibm:names:ITFIM:oauth:response:attribute";
`;
const ibm = async (script: string, ibmSection: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) =>
  (await run(script, { product: "ibm-verify-access", ...rest, ibm: { rule: "post-token", ...ibmSection } })) as IbmRunResult;

describe("the STSUU around the rule under edit", () => {
  it("shows what the post-token rule received and each attribute it added or changed", async () => {
    const result = await ibm(`${IMPORTS}stsuu.addContextAttribute(new Attribute("expires_in", RESPONSE, "60"));\nstsuu.addContextAttribute(new Attribute("tier", RESPONSE, "gold"));`);
    expect(result.ok).toBe(true);
    const before = result.ibm.stsuuBefore!;
    // The post-token rule gets the grant's state_id and the response about to be returned.
    expect(before.context).toContainEqual({ name: "expires_in", type: "urn:ibm:names:ITFIM:oauth:response:attribute", values: ["3600"] });
    expect(before.context.some((a) => a.name === "state_id" && a.type === "urn:ibm:names:ITFIM:oauth:state")).toBe(true);
    expect(result.ibm.stsuuChanges).toEqual([
      { container: "context", name: "expires_in", type: "urn:ibm:names:ITFIM:oauth:response:attribute", before: ["3600"], after: ["60"] },
      { container: "context", name: "tier", type: "urn:ibm:names:ITFIM:oauth:response:attribute", before: null, after: ["gold"] },
    ]);
  });

  it("keeps the other rule's and the operation's changes out of the pre-token rule's", async () => {
    const post = `${IMPORTS}stsuu.addContextAttribute(new Attribute("from_post", RESPONSE, "x"));`;
    const result = await ibm(`${IMPORTS}stsuu.addAttribute(new Attribute("acr", "urn:ibm:jwt:claim", "gold"));`, { rule: "pre-token", otherRule: post });
    expect(result.ok).toBe(true);
    expect(result.ibm.stsuuBefore!.context.some((a) => a.name === "state_id")).toBe(false);
    expect(result.ibm.stsuuChanges).toEqual([{ container: "attributes", name: "acr", type: "urn:ibm:jwt:claim", before: null, after: ["gold"] }]);
    // The stsuu after every rule still has the post rule's attribute.
    expect(result.ibm.stsuu.context.some((a) => a.name === "from_post")).toBe(true);
  });

  it("lists what stsuu.clear() removed", async () => {
    const result = await ibm(`${IMPORTS}stsuu.clear();\nstsuu.addContextAttribute(new Attribute("active", RESPONSE, "false"));`, { requestType: "introspect" });
    const changes = result.ibm.stsuuChanges!;
    expect(changes.find((c) => c.name === "request_type")).toEqual({ container: "context", name: "request_type", type: "urn:ibm:names:ITFIM:oauth:request", before: ["introspect"], after: null });
    expect(changes.find((c) => c.name === "active")).toMatchObject({ before: ["true"], after: ["false"] });
  });

  it("is null when the rule under edit did not run (the other rule failed first)", async () => {
    const result = await ibm(`var x = 1;`, { otherRule: "undefinedThing.call();" });
    expect(result.ok).toBe(false);
    expect(result.ibm.stsuuBefore).toBeNull();
    expect(result.ibm.stsuuChanges).toBeNull();
  });
});

describe("the CLI's text output", () => {
  beforeAll(() => {
    if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli");
  });

  it("says what the rule changed in the STSUU", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-stsuu-"));
    writeFileSync(join(dir, "rule.js"), `${IMPORTS}stsuu.addContextAttribute(new Attribute("expires_in", RESPONSE, "60"));\nstsuu.getContextAttributes().removeAttributeByName("scope");\n`);
    writeFileSync(join(dir, "rule.scenario.json"), JSON.stringify({ product: "ibm-verify-access" }));
    const result = spawnSync(process.execPath, [join(process.cwd(), "bin/token-playground.js"), "run", "rule.js"], { cwd: dir, encoding: "utf8", timeout: 60000 });
    expect(result.status).toBe(0);
    // The answer is IBM's, not AM's /oauth2/access_token.
    expect(result.stdout).toContain("Token response (IBM Verify Access token endpoint):");
    expect(result.stdout).toContain(
      [
        "STSUU changed by the post-token rule:",
        '  ~ context expires_in (urn:ibm:names:ITFIM:oauth:response:attribute): "3600" → "60"',
        "  - context scope (urn:ibm:names:ITFIM:oauth:body:param) (was \"access\")",
      ].join("\n"),
    );
  });

  it("says at each request of a flow which attributes the rule changed", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-stsuu-flow-"));
    writeFileSync(join(dir, "rule.js"), `${IMPORTS}stsuu.addContextAttribute(new Attribute("tier", RESPONSE, "gold"));\n`);
    writeFileSync(join(dir, "rule.scenario.json"), JSON.stringify({ product: "ibm-verify-access", flow: [{ request: "token", grantType: "client_credentials" }] }));
    const result = spawnSync(process.execPath, [join(process.cwd(), "bin/token-playground.js"), "flow", "rule.js"], { cwd: dir, encoding: "utf8", timeout: 60000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("  stsuu changed by the post-token rule: +tier\n");
  });
});

/**
 * The flow, scenario and migrate commands as a user meets them: the built CLI spawned on real files.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = join(process.cwd(), "bin/token-playground.js");

function cli(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli (npm test does)");
});

describe("flow", () => {
  it("prints one block per request with its status, what changed, and what rests on inference", () => {
    const { code, stdout } = cli(["flow", "samples/session-claim-on-refresh.js", "--scenario", "samples/session-claim-on-refresh.case.json"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/── 1\. authorize at 2025-08-13T17:57:40Z → 302/);
    expect(stdout).toMatch(/── 3\. token \(refresh_token\) at 2025-08-13T18:27:40Z → 200/);
    expect(stdout).toMatch(/since the previous token: removed login_host/);
    expect(stdout).toMatch(/claim-lost-on-refresh/);
    const seed = cli(["flow", "samples/seed-legacy.js", "--scenario", "samples/seed-legacy-flow.case.json"]);
    // Introspecting a refresh token rests on an inference: the text says so on that step.
    expect(seed.stdout).toMatch(/── 6\. introspect refresh_token[^]*?\n {2}INFERRED: Introspecting a refresh token never shows the script's fields/);
  });

  it("--json has the contract's shape, and the refresh token never shows the script's fields", () => {
    const { code, stdout } = cli(["flow", "samples/seed-legacy.js", "--scenario", "samples/seed-legacy-flow.case.json", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.ok).toBe(true);
    expect(result.steps.map((s: { status: number }) => s.status)).toEqual([302, 200, 200, 200, 200, 200, 200]);
    expect(result.steps[5].body).toMatchObject({ token_type: "refresh_token" });
    expect(result.steps[5].body).not.toHaveProperty("phone");
    expect(result.steps[1].run).toMatchObject({ ok: true, evaluator: "legacy" });
  });

  it("a flow case reports one JUnit testcase per request, the failing one with its mismatch", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-flow-junit-"));
    writeFileSync(join(dir, "s.js"), 'accessToken.setField("tier", "gold");\n');
    const flow = [
      { request: "token", grantType: "authorization_code" },
      { request: "introspect", token: "refresh_token" },
    ];
    const steps = [{ status: 200 }, { body: { tier: "gold" } }];
    writeFileSync(join(dir, "s.case.json"), JSON.stringify({ name: "tier survives", script: "s.js", flow, expect: { steps } }));
    const { code, stdout } = cli(["test", ".", "--reporter", "junit"], dir);
    expect(code).toBe(1);
    const cases = stdout.match(/<testcase [^>]*>/g) ?? [];
    expect(cases).toHaveLength(2);
    expect(cases[0]).toMatch(/name="step 1: token authorization_code"[^>]*\/>/);
    expect(cases[1]).toMatch(/name="step 2: introspect refresh_token"[^>]*[^/]>/);
    expect(stdout).toMatch(/<failure message="\$\.steps\[1\]\.body\.tier[^"]*">/);
  });

  it("a script failing at one request exits 1 and shows AM's 500 for that request", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-flow-"));
    writeFileSync(join(dir, "s.js"), "if (String(accessToken.getGrantType()) === 'refresh_token') { throw 'no refresh for you'; }\n");
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ flow: [{ request: "token", grantType: "authorization_code" }, { request: "token", grantType: "refresh_token" }] }));
    const { code, stdout } = cli(["flow", "s.js"], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/── 2\. token \(refresh_token\) .* → 500/);
    expect(stdout).toContain("Error running access token modification plugin");
  });

  it("a script's IDM writes reach the next request, the text names each write and the IDM after the flow, and a case checks it", () => {
    const args = ["flow", "samples/idm-token-history.js", "--scenario", "samples/idm-token-history.case.json"];
    const text = cli(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/── 2\. token \(authorization_code\)[^]*?\n {2}IDM patch managed\/alpha_user\/014c54bd-6078-4639-8316-8ce0e7746fa4\n/);
    expect(text.stdout).toMatch(/── 3\. token \(refresh_token\)[^]*?since the previous token: added previous_token_at/);
    expect(text.stdout).toMatch(/── IDM after the flow[^]*managed\/alpha_user\/014c54bd-6078-4639-8316-8ce0e7746fa4 \(_rev 3\)/);
    const json = JSON.parse(cli([...args, "--json"]).stdout);
    expect(json.steps[3].body.previous_token_at).toBe("2025-08-13T17:57:40.000Z");
    expect(json.openidm["managed/alpha_user/014c54bd-6078-4639-8316-8ce0e7746fa4"]).toMatchObject({ custom_tokenCount: 2 });
    // A case whose expected IDM state is not what the flow left fails, naming the field.
    const dir = mkdtempSync(join(tmpdir(), "tp-flow-idm-"));
    writeFileSync(join(dir, "s.js"), readFileSync("samples/idm-token-history.js", "utf8"));
    const kase = JSON.parse(readFileSync("samples/idm-token-history.case.json", "utf8"));
    kase.script = "s.js";
    kase.expect.openidm["managed/alpha_user/014c54bd-6078-4639-8316-8ce0e7746fa4"].custom_tokenCount = 1;
    writeFileSync(join(dir, "s.case.json"), JSON.stringify(kase));
    const failed = cli(["test", dir]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/openidm.*custom_tokenCount/);
  });

  it("an IBM flow shows authorize → token → userinfo with the claims the rule saved; an AM flow with a userinfo step is bad input", () => {
    const ibm = cli(["flow", "samples/ibm-userinfo-flow.js", "--scenario", "samples/ibm-userinfo-flow.case.json"]);
    expect(ibm.code).toBe(0);
    expect(ibm.stdout).toMatch(/── 3\. userinfo at 2025-08-13T17:57:40Z → 200\n[^]*?"email": "bjensen@example\.com"/);
    expect(ibm.stdout).toMatch(/── 7\. userinfo at .* → 401/);
    const dir = mkdtempSync(join(tmpdir(), "tp-flow-userinfo-"));
    writeFileSync(join(dir, "s.js"), "accessToken.setField('a', 'b');\n");
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ flow: [{ request: "token", grantType: "authorization_code" }, { request: "userinfo" }] }));
    const am = cli(["flow", "s.js"], dir);
    expect(am.code).toBe(2);
    expect(am.stderr).toMatch(/s\.scenario\.json/);
    expect(am.stderr).toMatch(/flow.*1.*request/);
    expect(am.stderr).toMatch(/does not run at \/userinfo/);
  });

  it("macaroon tokens: the token is a macaroon with the script's caveats, introspection narrowed by them, and the output says what is the playground's choice", () => {
    const args = ["samples/macaroon-caveats.js", "--scenario", "samples/macaroon-caveats.case.json"];
    const json = JSON.parse(cli(["run", ...args, "--json"]).stdout);
    expect(json.tokenResponse.access_token).toBe(json.macaroon.serialized);
    expect(json.macaroon).toMatchObject({ location: "", caveats: [{ type: "first-party", identifier: { scope: "profile", exp: 1755108160 } }] });
    expect(json.introspection).toMatchObject({ active: true, scope: "profile", exp: 1755108160 });
    const text = cli(["run", ...args]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/AM does not document its key[^]*\[macaroon-emulation\]/);
    const flow = cli(["flow", ...args]);
    expect(flow.code).toBe(0);
    expect(flow.stdout).toMatch(/── 4\. introspect access_token at 2025-08-13T18:02:41Z → 200\n {2}\{\n {4}"active": false\n {2}\}/);
    const dir = mkdtempSync(join(tmpdir(), "tp-macaroon-"));
    writeFileSync(join(dir, "s.js"), "");
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ token: { storage: "macaron" } }));
    const bad = cli(["run", "s.js"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/s\.scenario\.json[^]*token\.storage[^]*macaroon/);
  });

  it("--help documents it", () => {
    const { code, stdout } = cli(["flow", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--scenario FILE/);
    expect(stdout).toMatch(/INFERRED/);
    // What is new: IDM writes across steps, the IBM userinfo step, macaroon tokens.
    expect(stdout).toMatch(/expect\.openidm/);
    expect(stdout).toMatch(/"userinfo" step \(product ibm-verify-access\)/);
    expect(stdout).toMatch(/token\.storage "macaroon"/);
  });
});

describe("scenario", () => {
  it("builds a scenario from evidence, lists what each file gave and the secrets it kept out", () => {
    const { code, stdout, stderr } = cli(["scenario", "test/fixtures/evidence/am-rest-oauth2-client.json", "test/fixtures/evidence/seed-flow.har"]);
    expect(code).toBe(0);
    const scenario = JSON.parse(stdout);
    expect(scenario.client.clientId).toBe("myClient");
    expect(scenario.http[0].request.url).toBe("https://dummyjson.com/ip");
    expect(stdout).not.toContain("mySecret");
    expect(stdout).not.toContain("bXlDbGllbnQ6bXlTZWNyZXQ=");
    expect(stderr).toMatch(/am-rest-oauth2-client\.json: OAuth2 client \(AM REST\)/);
    expect(stderr).toMatch(/seed-flow\.har: HAR capture \(3 entries\)/);
    expect(stderr).toMatch(/secrets kept out of the scenario/);
    expect(stderr).toMatch(/\$\.coreOAuth2ClientConfig\.userpassword → <redacted:client_secret>/);
  });

  it("writes --out, and the scenario runs the seed's script to its documented introspection", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-ev-"));
    const out = join(dir, "customer.scenario.json");
    const made = cli(["scenario", "test/fixtures/evidence/frodo-oauth2-client.json", "test/fixtures/evidence/idm-user.json", "test/fixtures/evidence/seed-introspection.json", "--out", out]);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain(`wrote ${out}`);
    const ran = cli(["run", "samples/seed-legacy.js", "--scenario", out, "--json"]);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).introspection).toMatchObject({ mail: ["user@example.com"], phone: "(555) 323-1234" });
    expect(cli(["scenario", "test/fixtures/evidence/idm-user.json", "--out", out]).code).toBe(2);
    expect(JSON.parse(readFileSync(out, "utf8")).client.clientId).toBe("myClient");
  });

  it("exits 2 naming the file and the place for what it cannot read", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-ev-"));
    writeFileSync(join(dir, "broken.json"), '{\n  "a": 1,\n');
    const broken = cli(["scenario", "broken.json"], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json: line 3, column 1/);
    writeFileSync(join(dir, "unknown.json"), '{"hello": "world"}');
    const unknown = cli(["scenario", "unknown.json"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown\.json: \$: not a kind of evidence/);
  });
});

describe("migrate", () => {
  it("rewrites the seed's legacy script and proves it by running both", () => {
    const { code, stdout } = cli(["migrate", "samples/seed-legacy.js", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.equivalent).toBe(true);
    expect(report.script).toContain("identity.getAttributeValues('telephoneNumber')[0]");
    expect(report.changes[0]).toMatchObject({ line: 6, from: "getAttribute", to: "getAttributeValues" });
    expect(report.differences).toEqual([]);
  });

  it("exits 1 and names the differences when the runs disagree, writing --out all the same", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-mig-"));
    writeFileSync(join(dir, "s.js"), "if (session) { accessToken.setField('host', String(session.getProperty('Host'))); }\n");
    // A generous limit: the verdict is what this checks, not the sandbox's deadline on a loaded machine.
    writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ timeoutMs: 20000, session: { properties: { Host: "h1" } } }));
    const { code, stdout } = cli(["migrate", "s.js", "--out", "next.js"], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/does NOT issue the same/);
    expect(stdout).toMatch(/introspection\.host: "h1" → "\(absent\)"/);
    expect(stdout).toMatch(/Unresolved/);
    // Why it differs, and that without a session it would not.
    expect(stdout).toMatch(/introspection\.host: .*\n {4}Only the legacy run sees the scenario's session/);
    expect(stdout).toMatch(/What the verdict rests on:\n {2}Without a session \(session: null\).*the rewrite is equivalent/);
    expect(readFileSync(join(dir, "next.js"), "utf8")).toContain('typeof session !== "undefined"');
  });

  it("a script that cannot be parsed is an error at its place: exit 1, nothing printed or written as a rewrite", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-mig-"));
    writeFileSync(join(dir, "broken.js"), "accessToken.setField('a', 1);\nvar x = ;\n");
    for (const withScenario of [false, true]) {
      if (withScenario) writeFileSync(join(dir, "broken.scenario.json"), "{}");
      const { code, stdout, stderr } = cli(["migrate", "broken.js", "--out", "next.js"], dir);
      expect(code, stderr).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toBe("✖ broken.js:2:9: the script cannot be read as JavaScript (Unexpected token); nothing was rewritten\n");
      expect(existsSync(join(dir, "next.js"))).toBe(false);
    }
  });

  it("migrates the groups-to-claims sample through IDM and says the IDM data was inferred", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-mig-"));
    const { script: _script, expect: _expect, ...scenario } = JSON.parse(readFileSync("samples/groups-to-claims.case.json", "utf8"));
    writeFileSync(join(dir, "groups.scenario.json"), JSON.stringify({ ...scenario, timeoutMs: 20000 }));
    const { code, stdout } = cli(["migrate", join(process.cwd(), "samples/groups-to-claims.js"), "--scenario", "groups.scenario.json", "--json"], dir);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.equivalent).toBe(true);
    expect(report.script).toContain('["groups/*"]).groups.forEach(function (group)');
    expect(report.notes).toEqual([{ inferred: true, message: expect.stringMatching(/^Inferred: /) }]);
  });
});

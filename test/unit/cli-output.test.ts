import { describe, expect, it, beforeAll, vi } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from "jose";
import { cli, cliOnTerminal } from "./cli-helpers";

// Each test spawns the CLI several times; on two shared cores that can take longer than the default 20 s.
vi.setConfig({ testTimeout: 120000 });

function workDir(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), "tp-out-"));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

beforeAll(() => {
  if (!existsSync("dist/cli/token-playground.js")) throw new Error("build the CLI first: npm run build:cli (npm test does)");
});

describe("test progress", () => {
  const cases = () => {
    const files: Record<string, string | object> = { "s.js": "accessToken.addExtraData('hello', 'world');\n" };
    for (let i = 0; i < 6; i++) {
      files[`c${i}.case.json`] = { name: `case ${i}`, script: "s.js", expect: { tokenResponse: { hello: i === 3 ? "there" : "world" } } };
    }
    return workDir(files);
  };

  it("on a terminal: a counting line on stderr and each failure as it happens, then the report", () => {
    const { code, output } = cliOnTerminal(["test", "."], cases());
    expect(code).toBe(1);
    expect(output).toMatch(/\d\/6 cases…/);
    expect(output).toContain("\r\x1b[2K");
    // The failure is shown while running (before the report's list), and again in the report.
    const early = output.indexOf("✖ case 3 (c3.case.json): $.tokenResponse.hello");
    const report = output.indexOf("✔ case 0 (c0.case.json)");
    expect(early).toBeGreaterThanOrEqual(0);
    expect(early).toBeLessThan(report);
    expect(output.trim().split("\n").pop()?.trim()).toBe("5 passed, 1 failed");
  });

  it("not on a terminal: plain output, no progress line or control characters", () => {
    const { code, stdout, stderr } = cli(["test", "."], cases());
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).not.toMatch(/cases…|\x1b|\r/);
    expect(stdout.match(/✖ case 3/g)).toHaveLength(1);
  });
});

describe("run's text output", () => {
  it("shows a client-side token's header as well as its claims", () => {
    const dir = workDir({ "s.js": "accessToken.setField('tier', 'gold');\n", "s.scenario.json": { token: { storage: "client-side", signing: { alg: "ES256" } } } });
    const { code, stdout } = cli(["run", "s.js"], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/JWT \(\d+ bytes\) header:\n\{\n {2}"typ": "JWT",[\s\S]*"alg": "ES256"[\s\S]*\}\nJWT claims:\n\{[\s\S]*"tier": "gold"/);
    expect(stdout).toContain('"kid": "playground-demo-es256"');
  });

  it("a timeout names the limit and the setting that changes it", () => {
    const dir = workDir({ "loop.js": "while (true) {}\n", "loop.scenario.json": { timeoutMs: 200 } });
    const { code, stdout } = cli(["run", "loop.js"], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/timeout error: .*(timeoutMs.*200 ms|200 ms.*timeoutMs)/);
    const defaults = cli(["run", "loop.js", "--scenario", join(dir, "none.json")], dir);
    expect(defaults.code).toBe(2);
    writeFileSync(join(dir, "plain.js"), "while (true) {}\n");
    expect(cli(["run", "plain.js"], dir).stdout).toMatch(/timeout error: .*(timeoutMs.*1000 ms|1000 ms.*timeoutMs)/);
  });

  it("a size warning names the scenario's sizeLimitBytes and its number", () => {
    const dir = workDir({
      "s.js": "accessToken.setField('blob', new Array(300).join('x'));\n",
      "s.scenario.json": { token: { storage: "client-side", sizeLimitBytes: 500 } },
    });
    const { stdout } = cli(["run", "s.js"], dir);
    expect(stdout).toMatch(/over the scenario's sizeLimitBytes \(500 bytes\)/);
  });

  it("a mock that misses on a header says what was sent and what the mock expects, once", () => {
    const script = 'var r = httpClient.send("https://api.example.com/x", { method: "GET", headers: { "X-API-Key": "k-123" } }).get();\n';
    const scenario = { evaluator: "next-gen", http: [{ request: { url: "https://api.example.com/x", headers: { "X-API-Key": "k-999" } }, response: { json: {} } }] };
    const dir = workDir({ "s.js": script, "s.scenario.json": scenario });
    const { code, stdout } = cli(["run", "s.js"], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('header X-API-Key: the script sent "k-123", the mock expects "k-999"');
    expect(stdout).not.toMatch(/k-999" missing|header X-API-Key: k-999 missing/);
    expect(stdout.match(/No mock answers GET/g)).toHaveLength(1);
    expect(stdout).toMatch(/error: .*no mock answered \(see HTTP calls below\)/);
    // The JSON keeps every place it is recorded: the text output is what deduplicates.
    const json = JSON.parse(cli(["run", "s.js", "--json"], dir).stdout);
    expect(json.http[0].error).toContain('the script sent "k-123"');
  });
});

describe("test's failure lines", () => {
  it("a list item not found in order is said in words, with what the list held", () => {
    const dir = workDir({
      "s.js": "logger.message('first'); logger.error('second');\n",
      "a.case.json": { name: "logs", script: "s.js", expect: { logs: [{ level: "error", message: "second" }, { message: "first" }] } },
    });
    const { code, stdout } = cli(["test", "."], dir);
    expect(code).toBe(1);
    expect(stdout).not.toContain("no matching item (in order)");
    expect(stdout).toMatch(/\$\.logs\[1\]: no item of \$\.logs after the one matching item \[0\] matched \{"message":"first"\} \(expected items must appear in order\); got: \[\]/);
  });
});

describe("a failing case's error", () => {
  it("is printed once, in full, and the unmet expectation of no error points at it", () => {
    const dir = workDir({
      "s.js": "var x = 1;\nnull.foo;\n",
      "a.case.json": { name: "fails", script: "s.js", expect: { tokenResponse: { token_type: "Bearer" } } },
    });
    const { code, stdout } = cli(["test", "."], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {4}s\.js:2(:\d+)?: runtime error: TypeError/m);
    expect(stdout).toContain("$.error: the case expects the script to run without an error, and it failed (runtime error above)");
    expect(stdout.match(/TypeError/g)).toHaveLength(1);
  });
});

describe("keys and schema", () => {
  it("keys prints a public JWKS (no private members) that verifies RS256 and ES256 tokens", async () => {
    const { code, stdout } = cli(["keys"]);
    expect(code).toBe(0);
    const jwks = JSON.parse(stdout) as JSONWebKeySet;
    for (const key of jwks.keys) for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(key).not.toHaveProperty(secret);
    const dir = workDir({ "s.js": "" });
    for (const alg of ["RS256", "ES256"]) {
      writeFileSync(join(dir, "s.scenario.json"), JSON.stringify({ token: { storage: "client-side", signing: { alg } } }));
      const token = JSON.parse(cli(["run", "s.js", "--json"], dir).stdout).jwt.compact as string;
      const { protectedHeader } = await compactVerify(token, createLocalJWKSet(jwks));
      expect(protectedHeader.alg).toBe(alg);
      const [head, body, signature] = token.split(".");
      const tampered = `${head}.${body.slice(0, -2)}${body.endsWith("A") ? "B" : "A"}${body.slice(-1)}.${signature}`;
      await expect(compactVerify(tampered, createLocalJWKSet(jwks))).rejects.toThrow();
    }
  });

  it("schema --result prints the published run result schema; schema prints the scenario's", () => {
    expect(JSON.parse(cli(["schema", "--result"]).stdout)).toEqual(JSON.parse(readFileSync("schema/run-result.schema.json", "utf8")));
    expect(JSON.parse(cli(["schema"]).stdout)).toEqual(JSON.parse(readFileSync("schema/scenario.schema.json", "utf8")));
  });
});

describe("import's output", () => {
  it("says it writes to the current folder, and quotes names a shell would split", () => {
    const dir = workDir({
      "export.json": {
        _id: "x",
        name: "Bob's Script (v2)",
        script: Buffer.from("accessToken.setField('a', 1);").toString("base64"),
        language: "JAVASCRIPT",
        context: "OAUTH2_ACCESS_TOKEN_MODIFICATION",
        evaluatorVersion: "1.0",
      },
    });
    const { code, stdout, stderr } = cli(["import", "export.json"], dir);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^writing 2 files to the current folder \(--out DIR writes elsewhere\):/);
    const written = readdirSync(dir).filter((f) => f !== "export.json");
    expect(written).toHaveLength(2);
    expect(stdout).toContain("wrote 'Bob'\\''s-Script-(v2).js'\n");
    for (const file of written) {
      const shown = /^[A-Za-z0-9_@%+=:,./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
      expect(stdout).toContain(`wrote ${shown}\n`);
    }
  });
});

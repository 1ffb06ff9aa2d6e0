import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { run } from "../../engine";
import { describeError, errorLine, HttpPanel, IntrospectionPanel, LogsPanel, TokenPanel, TokenResponsePanel, WarningsPanel } from "../../renderer/components/ResultPanels";

/** Result panels rendered from real engine results (static markup: what the user reads in the panel). */
async function seedLegacy() {
  const script = readFileSync("samples/seed-legacy.js", "utf8");
  const scenario = JSON.parse(readFileSync("samples/seed-legacy.scenario.json", "utf8"));
  return { result: await run(script, scenario), stale: false };
}

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/\s+/g, " ");
}

describe("result panels", () => {
  it("mark what the script did: fields added to the token, extra data in the response, custom fields in introspection", async () => {
    const shown = await seedLegacy();
    const token = text(renderToStaticMarkup(<TokenPanel shown={shown} />));
    expect(token).toMatch(/mail added/);
    expect(token).toMatch(/phone added/);
    const response = renderToStaticMarkup(<TokenResponsePanel shown={shown} />);
    expect(response).toContain('data-testid="panel-token-response"');
    expect(text(response)).toMatch(/hello extra data "world"/);
    expect(text(response)).toMatch(/expires_in 3599/);
    const intro = text(renderToStaticMarkup(<IntrospectionPanel shown={shown} />));
    expect(intro).toMatch(/phone set by script "\(555\) 323-1234"/);
  });

  it("show a legacy script's number as AM prints a Java double", async () => {
    const result = await run("accessToken.setField('n', 42);", { evaluator: "legacy" });
    expect(text(renderToStaticMarkup(<IntrospectionPanel shown={{ result, stale: false }} />))).toMatch(/n set by script 42\.0/);
  });

  it("grey the last good result when the input is broken, and explain empty panels", async () => {
    const shown = await seedLegacy();
    expect(renderToStaticMarkup(<IntrospectionPanel shown={{ ...shown, stale: true }} />)).toMatch(/class="panel [^"]*stale/);
    expect(text(renderToStaticMarkup(<TokenPanel shown={null} />))).toMatch(/Run the script \(Ctrl\/Cmd\+Enter\) to see token/);
    const failed = await run("null.foo;", { evaluator: "legacy" });
    expect(text(renderToStaticMarkup(<TokenPanel shown={{ result: failed, stale: false }} />))).toMatch(/No token: the script failed, so AM fails the token request/);
  });

  it("show what the client receives when the script fails, the previous result closed and labelled", async () => {
    const good = await seedLegacy();
    const failed = await run("null.foo;", { evaluator: "legacy" });
    const shown = { result: failed, stale: false, previous: { id: 3, result: good.result } };
    const response = renderToStaticMarkup(<TokenResponsePanel shown={shown} />);
    expect(text(response)).toMatch(/POST \/oauth2\/access_token → 500/);
    expect(text(response)).toContain('"error_description": "Error running access token modification plugin"');
    expect(text(response)).toMatch(/Inferred: \/status, \/body\/error/);
    // The previous result is there for comparison, closed, and never the panel's main content.
    const intro = renderToStaticMarkup(<IntrospectionPanel shown={shown} />);
    expect(intro).toMatch(/<details class="previous-result" data-testid="previous-result"><summary>Previous result \(run 3, before this failure\)/);
    expect(text(intro.slice(0, intro.indexOf("<details")))).not.toContain("(555) 323-1234");
    expect(text(intro.slice(intro.indexOf("<details")))).toContain("(555) 323-1234");
  });

  it("an error's line is shown only when it is a line of the script", () => {
    const base = { evaluator: "legacy", ok: false, tokenResponse: null } as const;
    const result = (error: object) => ({ ...base, error }) as unknown as Parameters<typeof describeError>[0];
    expect(describeError(result({ kind: "timeout", message: "stopped" }))).toBe("Timeout: stopped");
    expect(describeError(result({ kind: "timeout", message: "stopped", line: null }))).toBe("Timeout: stopped");
    expect(describeError(result({ kind: "runtime", message: "x", line: 0 }))).toBe("Runtime error: x");
    expect(describeError(result({ kind: "runtime", message: "x", line: 4, column: 2 }))).toBe("Runtime error (line 4, column 2): x");
    expect(errorLine({ kind: "binding", message: "m" })).toBeNull();
    expect(errorLine({ kind: "syntax", message: "m", line: 7 })).toBe(7);
  });

  it("list logs with their level, HTTP calls with the mock that answered (or why none did), and warnings with lines", async () => {
    const result = await run("logger.warn('careful {}', 1);\nhttpClient.send('https://api.example.com/x').thenCatch(function () {});\naccessToken.removeTokenName();", {
      evaluator: "next-gen",
      http: [{ name: "other", request: { url: "https://api.example.com/y" }, response: { status: 200 } }],
    });
    const shown = { result, stale: false };
    expect(text(renderToStaticMarkup(<LogsPanel shown={shown} />))).toMatch(/WARN careful 1/);
    expect(text(renderToStaticMarkup(<HttpPanel shown={shown} />))).toMatch(/No mock answers GET https:\/\/api\.example\.com\/x.*mock #0 "other"/);
    expect(text(renderToStaticMarkup(<WarningsPanel shown={shown} />))).toMatch(/line 3/);
  });
});

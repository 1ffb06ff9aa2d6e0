import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { run } from "../../engine";
import { HttpPanel, IntrospectionPanel, LogsPanel, TokenPanel, TokenResponsePanel, WarningsPanel } from "../../renderer/components/ResultPanels";

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
    expect(text(renderToStaticMarkup(<TokenResponsePanel shown={{ result: failed, stale: false }} />))).toMatch(/the script failed/);
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

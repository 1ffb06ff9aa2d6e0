import { describe, expect, it } from "vitest";
import { run } from "../../engine";

// AM's docs say requestUri is "the URI as a string"; a published AIC legacy script calls getHost() on it as on a
// java.net.URI. The scenario says which (request.uriType), and the default follows the docs.
const SCRIPT = `var u = requestProperties.get("requestUri");\naccessToken.setField("h", String(u.getHost()) + " " + u.getPort() + " " + u.getQuery());`;

describe("legacy requestProperties.requestUri's type is the scenario's to say", () => {
  it("a java.net.URI when request.uriType says so: getHost(), getPort(), getQuery() answer as java.net.URI does", async () => {
    const result = await run(SCRIPT, { evaluator: "legacy", request: { uriType: "java.net.URI", uri: "https://tenant.example.com/am/oauth2/access_token?x=1" } });
    expect(result.error).toBeNull();
    expect(result.introspection?.h).toBe("tenant.example.com -1 x=1");
  });
  it("a java.lang.String by default, whose missing getHost() is warned with the scenario setting that changes it", async () => {
    const result = await run(SCRIPT, { evaluator: "legacy" });
    expect(result.error?.message).toMatch(/Cannot find function getHost/);
    const warning = result.warnings.find((w) => w.code === "request-uri-class");
    expect(warning?.message).toMatch(/"uriType": "java\.net\.URI"/);
  });
});

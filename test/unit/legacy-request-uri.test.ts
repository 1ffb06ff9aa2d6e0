/**
 * requestProperties.requestUri is a java.lang.String in the playground (AM's docs, a live AIC probe's
 * declarations); a java.net.URI method called on it fails as Rhino fails it on a String, and, since a published
 * AIC script calls getHost() on it as on a java.net.URI, the run warns that AM's class for it is not known.
 * Rhino's answer: the recorder's run of kyid-aic-legacy#kyid-current-revision (test/conformance/published/).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";

const scenario = { request: { uri: "https://am.example.com/am/oauth2/alpha/access_token" } };

describe("requestProperties.requestUri, a String whose class in AM is not known", () => {
  it("a java.net.URI method fails as on a String in Rhino, and the run says why", async () => {
    const result = await run(
      `try { requestProperties.get('requestUri').getHost(); } catch (e) { logger.message(String(e)); }`,
      scenario,
      { evaluator: "legacy" },
    );
    expect(result.logs.map((l) => l.message)).toEqual(["TypeError: Cannot find function getHost in object https://am.example.com/am/oauth2/alpha/access_token."]);
    expect(result.warnings.map((w) => w.code)).toContain("request-uri-class");
  });

  it("its String methods work and a method neither class has does not warn", async () => {
    const result = await run(
      `logger.message(requestProperties.requestUri.length() + " " + requestProperties.get("requestUri").startsWith("https:"));
try { requestProperties.requestUri.nope(); } catch (e) { logger.message(e.message); }`,
      scenario,
      { evaluator: "legacy" },
    );
    expect(result.logs.map((l) => l.message)).toEqual(["51 true", "Cannot find function nope in object https://am.example.com/am/oauth2/alpha/access_token."]);
    expect(result.warnings.map((w) => w.code)).not.toContain("request-uri-class");
  });
});

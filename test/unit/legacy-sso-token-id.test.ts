/**
 * A legacy session's getTokenID() is AM's SSOTokenID (a com.iplanet.sso.providers.dpro.SSOTokenIDImpl, on AM's
 * allow-list), not a java.lang.String: its text is its toString(), String methods are not there, == compares the
 * text and === does not, JSON.stringify writes the text. Goldens: the legacy recorder's AM-typed session in real
 * Rhino 1.7.14 (goldens/rhino-sso-token-id.json, its `recorded` says how).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import golden from "./goldens/rhino-sso-token-id.json";
import scenario from "../conformance/legacy/scenario.json";

describe("session.getTokenID(), an SSOTokenID", () => {
  it("answers as Rhino answers AM's SSOTokenIDImpl", async () => {
    const result = await run(golden.probe, scenario, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.logs.map((l) => l.message)).toEqual(golden.rhino);
  });
});

describe("a Java object handed to addExtraData's String overload", () => {
  // Rhino hands a Java object to a String parameter as its toString(): `rhino -version 0 -opt -1` prints
  // "id:123e4567-e89b-12d3-a456-426614174000" for
  // new java.lang.String("id:").concat(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000")).
  it("is stored as its Java toString(): frodo-cli's session-capture script puts the session id in the response", async () => {
    const result = await run("accessToken.addExtraData('sessionId', session.getTokenID());", scenario, { evaluator: "legacy" });
    expect(result.error).toBeNull();
    expect(result.tokenResponse?.sessionId).toBe(golden.rhino[1].replace("String => ", ""));
  });
});

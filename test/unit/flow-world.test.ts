/**
 * What a grant keeps between its requests beyond its tokens: IDM writes a next-generation script makes at one
 * request are what the next request's script reads, and what the flow result reports (issue 12's run world).
 */
import { describe, expect, it } from "vitest";
import { run, runFlow } from "../../engine";

const USER = "managed/alpha_user/u1";
const scenario = {
  evaluator: "next-gen",
  identity: { id: "u1", username: "bjensen" },
  openidm: { [USER]: { userName: "bjensen", logins: 0 } },
};
// Counts the grant's issuances in IDM and puts the count it read into the token.
const counter = `
var user = openidm.read("${USER}");
accessToken.setField("loginsSeen", String(user.logins));
openidm.patch("${USER}", null, [{ operation: "replace", field: "/logins", value: user.logins + 1 }]);
if (user.logins === 0) openidm.create("managed/alpha_audit", "first", { user: "u1" });
`;

describe("IDM writes persist across a flow's requests", () => {
  it("each issuance reads what the one before it wrote, and the flow result shows the IDM at the end", async () => {
    const result = await runFlow(counter, {
      ...scenario,
      flow: [
        { request: "token", grantType: "authorization_code" },
        { request: "token", grantType: "refresh_token", after: 60 },
        { request: "token", grantType: "refresh_token", after: 60 },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.run?.token?.after.loginsSeen)).toEqual(["0", "1", "2"]);
    expect(result.openidm?.[USER]).toMatchObject({ userName: "bjensen", logins: 3, _rev: "4" });
    expect(result.openidm?.["managed/alpha_audit/first"]).toMatchObject({ user: "u1", _id: "first" });
    // Each step that wrote says the write outlives the request, and that this rests on an inference.
    const note = result.steps[1].notes.find((n) => n.message.includes("wrote to IDM"));
    expect(note?.evidence).toBe("inferred");
  });

  it("a write made before the script fails still stands for the next request", async () => {
    const script = `
var user = openidm.read("${USER}");
accessToken.setField("logins", String(user.logins));
openidm.patch("${USER}", null, [{ operation: "replace", field: "/logins", value: user.logins + 1 }]);
if (user.logins === 0) throw new Error("first issuance fails after the write");
`;
    const result = await runFlow(script, {
      ...scenario,
      flow: [
        { request: "token", grantType: "password" },
        { request: "token", grantType: "password" },
      ],
    });
    expect(result.steps.map((s) => s.status)).toEqual([500, 200]);
    expect(result.steps[1].run?.token?.after.logins).toBe("1");
    expect(result.ok).toBe(false);
  });

  it("a flow whose scripts only read IDM reports no IDM state, and a single run reports its writes as its world", async () => {
    const readOnly = await runFlow(`openidm.read("${USER}");`, { ...scenario, flow: [{ request: "token", grantType: "password" }] });
    expect(readOnly.openidm).toBeUndefined();
    expect(readOnly.steps[0].run?.world).toBeUndefined();
    const single = await run(`openidm.delete("${USER}", null);`, scenario);
    expect(single.world).toEqual({ openidm: {} });
  });
});

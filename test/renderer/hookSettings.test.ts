/** The scenario form's OneWelcome hook settings, read from and written into the scenario document. */
import { describe, expect, it } from "vitest";
import { hookSettingsOf, hookUrlProblem, withHookSettings } from "../../renderer/state/hookSettings";

describe("OneWelcome hook settings in the scenario", () => {
  it("reads what the scenario says, with the schema's defaults for what it leaves out", () => {
    expect(hookSettingsOf({ product: "onewelcome" })).toEqual({ hookUrl: null, authentication: "none", username: "", password: "" });
    expect(hookSettingsOf({ onewelcome: { hookUrl: "http://127.0.0.1:8085", authentication: "basic", username: "hook", password: "pw" } })).toEqual({
      hookUrl: "http://127.0.0.1:8085",
      authentication: "basic",
      username: "hook",
      password: "pw",
    });
  });

  it("writes the service URL and takes it out again, keeping the rest of the scenario and the hook's other settings", () => {
    const doc = { product: "onewelcome", scopes: ["profile"], onewelcome: { hookName: "customize-access-token", contextCustomParams: { a: ["b"] } } };
    const withService = withHookSettings(doc, { hookUrl: "http://127.0.0.1:8085" });
    expect(withService).toEqual({ ...doc, onewelcome: { ...doc.onewelcome, hookUrl: "http://127.0.0.1:8085" } });
    expect(withHookSettings(withService, { hookUrl: undefined })).toEqual(doc);
  });

  it("keeps credentials only for Basic authentication, which alone sends them, and leaves the default unwritten", () => {
    const basic = withHookSettings({}, { authentication: "basic", username: "hook", password: "pw" });
    expect(basic.onewelcome).toEqual({ authentication: "basic", username: "hook", password: "pw" });
    expect(withHookSettings(basic, { authentication: "jwt" }).onewelcome).toEqual({ authentication: "jwt" });
    expect(withHookSettings(basic, { authentication: "none" }).onewelcome).toEqual({});
  });

  it("says why a typed URL is not written: empty, not a URL, or not on this machine", () => {
    expect(hookUrlProblem("")).toMatch(/^Enter the service's base URL/);
    expect(hookUrlProblem("127.0.0.1:8085")).toBe('Not written to the scenario: "127.0.0.1:8085" is not a URL.');
    expect(hookUrlProblem("ftp://127.0.0.1/")).toBe("Not written to the scenario: ftp: is not http or https.");
    expect(hookUrlProblem("https://hooks.example.com")).toBe("Not written to the scenario: hooks.example.com is not on this machine: the playground only calls hook services on 127.0.0.1 (or localhost).");
    expect(hookUrlProblem("http://localhost:8085/")).toBeNull();
  });
});

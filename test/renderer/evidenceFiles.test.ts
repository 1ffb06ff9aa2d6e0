/** Dropped files told apart by content: evidence, script exports and scenarios each keep their own handling. */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildEvidence, kindOfDropped } from "../../renderer/state/evidenceFiles";

const fixture = (dir: string, name: string) => ({ name, text: readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), "utf8") });

describe("kindOfDropped", () => {
  it("reads every evidence fixture as evidence", () => {
    for (const name of readdirSync(new URL("../fixtures/evidence/", import.meta.url))) {
      const file = fixture("evidence", name);
      expect([name, kindOfDropped(file.name, file.text)]).toEqual([name, "evidence"]);
    }
  });

  it("keeps AM, Amster and Frodo script exports for the importer", () => {
    for (const name of ["am-rest-script.json", "amster-script.json", "frodo-allAlphaScripts.script.json"]) {
      const file = fixture("exports", name);
      expect([name, kindOfDropped(file.name, file.text)]).toEqual([name, "export"]);
    }
  });

  it("keeps a valid scenario under any .json name a scenario, and scripts and cases as they were", () => {
    expect(kindOfDropped("mine.json", JSON.stringify({ evaluator: "legacy", scopes: ["profile"] }))).toBe("scenario");
    expect(kindOfDropped("a.js", "accessToken.setField('a', 1);")).toBe("script");
    expect(kindOfDropped("a.case.json", JSON.stringify({ script: "a.js" }))).toBe("case");
  });

  it("sends broken JSON to the evidence reader, which names the file and the line", () => {
    const broken = { name: "broken.json", text: '{\n  "clientId": "x",\n  oops\n}' };
    expect(kindOfDropped(broken.name, broken.text)).toBe("evidence");
    const build = buildEvidence([broken]);
    expect(build.ok).toBe(false);
    if (build.ok) return;
    expect(build.file).toBe("broken.json");
    expect(build.place).toMatch(/^line 3, column \d+$/);
    expect(build.message).toContain("broken.json");
  });
});

describe("buildEvidence", () => {
  it("builds one scenario from a client export, a user and an introspection, and lists the password it kept out", () => {
    const build = buildEvidence(["frodo-oauth2-client.json", "idm-user.json", "seed-introspection.json"].map((n) => fixture("evidence", n)));
    expect(build.ok).toBe(true);
    if (!build.ok) return;
    expect((build.outcome.scenario.client as { clientId: string }).clientId).toBe("myClient");
    expect(build.outcome.reports.map((r) => r.file)).toEqual(["frodo-oauth2-client.json", "idm-user.json", "seed-introspection.json"]);
    expect(build.outcome.redactions.some((r) => r.file === "idm-user.json" && /password/.test(r.place))).toBe(true);
    expect(JSON.stringify(build.outcome.scenario)).not.toContain("Ch4ngeIt!");
  });
});

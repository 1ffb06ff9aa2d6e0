import { describe, expect, it } from "vitest";
import { run } from "../../engine";

/** A user with a multi-valued (roles) and a single (manager) relationship, resolved against the same store. */
const openidm = {
  "managed/alpha_user/u1": {
    userName: "psmith",
    mail: "psmith@example.com",
    name: { first: "Pat", last: "Smith" },
    roles: [{ _ref: "managed/alpha_role/r1" }, { _ref: "managed/alpha_role/r2", _refProperties: { _id: "rp2", _rev: "7", temporalConstraints: [] } }],
    manager: { _ref: "managed/alpha_user/u2" },
  },
  "managed/alpha_user/u2": { userName: "bjensen", mail: "bjensen@example.com", telephoneNumber: "12345678" },
  "managed/alpha_role/r1": { name: "employee", description: "All staff" },
  "managed/alpha_role/r2": { name: "admin", description: "Administrators", members: [{ _ref: "managed/alpha_user/u1" }] },
};

async function read(fields: string, scenario: Record<string, unknown> = {}) {
  const result = await run(`accessToken.setField('out', openidm.read('managed/alpha_user/u1', null, ${fields}));`, { evaluator: "next-gen", openidm, ...scenario });
  if (result.error) throw new Error(result.error.message);
  return { out: result.introspection?.out as Record<string, unknown>, warnings: result.warnings.filter((w) => w.code === "openidm-fields").map((w) => w.message) };
}

describe("openidm fields follow IDM's _fields rules", () => {
  it("returns no relationship by default, nor for '*' or '': IDM needs them asked for explicitly", async () => {
    for (const fields of ["undefined", "['*']", "['']", "[]"]) {
      const { out, warnings } = await read(fields);
      expect(out, fields).toEqual({ _id: "u1", _rev: "1", userName: "psmith", mail: "psmith@example.com", name: { first: "Pat", last: "Smith" } });
      expect(warnings).toEqual([]);
    }
  });

  it("'roles' gives the references with _ref, _refResourceCollection, _refResourceId and _refProperties", async () => {
    const { out } = await read("['roles']");
    expect(Object.keys(out)).toEqual(["_id", "_rev", "roles"]);
    const roles = out.roles as Record<string, unknown>[];
    expect(roles).toHaveLength(2);
    expect(roles[0]).toMatchObject({ _ref: "managed/alpha_role/r1", _refResourceCollection: "managed/alpha_role", _refResourceId: "r1", _refProperties: { _rev: "1" } });
    expect(typeof (roles[0]._refProperties as Record<string, unknown>)._id).toBe("string");
    expect(roles[1]).toEqual({ _ref: "managed/alpha_role/r2", _refResourceCollection: "managed/alpha_role", _refResourceId: "r2", _refProperties: { _id: "rp2", _rev: "7", temporalConstraints: [] } });
  });

  it("'roles/*' expands each related object beside its reference fields (its own relationships stay out)", async () => {
    const { out } = await read("['roles/*']");
    const roles = out.roles as Record<string, unknown>[];
    expect(roles.map((r) => [r._id, r.name, r.description, r._ref, r.members])).toEqual([
      ["r1", "employee", "All staff", "managed/alpha_role/r1", undefined],
      ["r2", "admin", "Administrators", "managed/alpha_role/r2", undefined],
    ]);
  });

  it("'roles/name' and 'roles/*/name' take one property of each related object, with its _id and _rev", async () => {
    for (const fields of ["['roles/name']", "['roles/*/name']"]) {
      const { out } = await read(fields);
      const roles = out.roles as Record<string, unknown>[];
      expect(roles.map((r) => ({ _id: r._id, _rev: r._rev, name: r.name, description: r.description, _ref: r._ref })), fields).toEqual([
        { _id: "r1", _rev: "1", name: "employee", description: undefined, _ref: "managed/alpha_role/r1" },
        { _id: "r2", _rev: "1", name: "admin", description: undefined, _ref: "managed/alpha_role/r2" },
      ]);
    }
  });

  it("reproduces IDM's documented manager/mail, manager/telephoneNumber example, and gives null for a property the object lacks", async () => {
    const { out, warnings } = await read("['manager/mail', 'manager/telephoneNumber', 'manager/description']");
    expect(warnings).toEqual([`managed/alpha_user/u2 has no "description" in the scenario's openidm data, so manager/description reads null (as IDM answers for a property the object lacks).`]);
    expect(out.manager).toMatchObject({
      _id: "u2",
      _rev: "1",
      mail: "bjensen@example.com",
      telephoneNumber: "12345678",
      description: null,
      _ref: "managed/alpha_user/u2",
      _refResourceCollection: "managed/alpha_user",
      _refResourceId: "u2",
    });
  });

  it("combines '*' with relationship fields, '*_ref' gives every relationship, and 'name/first' keeps part of a field", async () => {
    const all = await read("['*', 'roles/name']");
    expect(all.out).toMatchObject({ userName: "psmith", mail: "psmith@example.com" });
    expect((all.out.roles as unknown[]).length).toBe(2);
    const refs = await read("['*_ref']");
    expect(Object.keys(refs.out).sort()).toEqual(["_id", "_rev", "manager", "roles"]);
    const part = await read("['name/first', 'userName']");
    expect(part.out).toEqual({ _id: "u1", _rev: "1", name: { first: "Pat" }, userName: "psmith" });
  });

  it("warns where the scenario's IDM data cannot answer: a relationship it lacks, or a reference to an object it lacks", async () => {
    const lacking = await read("['groups/*']");
    expect(lacking.out).toEqual({ _id: "u1", _rev: "1" });
    expect(lacking.warnings[0]).toMatch(/managed\/alpha_user\/u1 has no "groups" in the scenario/);
    const withoutR2 = Object.fromEntries(Object.entries(openidm).filter(([id]) => id !== "managed/alpha_role/r2"));
    const dangling = await read("['roles/name']", { openidm: withoutR2 });
    expect(dangling.warnings[0]).toMatch(/refers to managed\/alpha_role\/r2, which is not in the scenario's openidm data/);
    expect((dangling.out.roles as Record<string, unknown>[])[1]).toEqual(expect.objectContaining({ _ref: "managed/alpha_role/r2" }));
    expect((dangling.out.roles as Record<string, unknown>[])[1].name).toBeUndefined();
  });

  it("applies fields to query, create, update and patch results too", async () => {
    const script = `
var q = openidm.query('managed/alpha_user', { _queryFilter: 'userName eq "psmith"' }, ['userName', 'roles/name']);
var c = openidm.create('managed/alpha_user', 'u3', { userName: 'new', roles: [{ _ref: 'managed/alpha_role/r1' }] }, null, ['roles/name']);
var u = openidm.update('managed/alpha_user/u3', null, { userName: 'newer', roles: [{ _ref: 'managed/alpha_role/r2' }] }, null, ['userName', 'roles/name']);
var p = openidm.patch('managed/alpha_user/u3', null, [{ operation: 'replace', field: '/mail', value: 'n@example.com' }], null, ['mail']);
accessToken.setField('out', [q.result[0].userName, q.result[0].roles[0].name, c.roles[0].name, c.userName, u.userName, u.roles[0].name, p.mail, p.userName]);`;
    const result = await run(script, { evaluator: "next-gen", openidm });
    expect(result.error).toBeNull();
    expect(result.introspection?.out).toEqual(["psmith", "employee", "employee", null, "newer", "admin", "n@example.com", null]);
  });
});

describe("openidm update after a default read", () => {
  it("keeps the relationships the read left out, so the documented read-modify-update idiom does not drop them", async () => {
    const script = "var user = openidm.read('managed/alpha_user/u1');\nuser.description = 'changed';\nopenidm.update('managed/alpha_user/u1', null, user);\nvar after = openidm.read('managed/alpha_user/u1', null, ['description', 'roles/name']);\naccessToken.setField('out', [after.description, after.roles.length, after.roles[0].name]);";
    const result = await run(script, { evaluator: "next-gen", openidm });
    expect(result.error).toBeNull();
    expect(result.introspection?.out).toEqual(["changed", 2, "employee"]);
  });
});

describe("openidm fields that are not a list", () => {
  it("fail the call, as no overload of the wrapper takes them, instead of being dropped", async () => {
    const result = await run("openidm.read('managed/alpha_user/u1', null, 'roles/*');", { evaluator: "next-gen", openidm });
    expect(result.error?.message).toContain("Can't find method org.forgerock.openam.scripting.wrappers.IdmIntegrationServiceScriptWrapper.read(string,null,string).");
  });
});

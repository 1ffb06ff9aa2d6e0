import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeFileSystem } from "../../electron/main/fs-port";
import { isInside, PathGuard } from "../../electron/main/path-guard";
import { WorkspaceService } from "../../electron/main/workspace";
import { FakeDialog, FakeWindow, tempDir } from "./fakes";

describe("isInside", () => {
  it.each([
    ["/u/data", "/u/data", true],
    ["/u/data/drafts/index.json", "/u/data", true],
    ["/u/data/..hidden", "/u/data", true], // a name starting with ".." is still inside
    ["/U/Data/Drafts", "/u/data", true], // case folded: macOS and Windows file systems
    ["/u/data-other/x", "/u/data", false],
    ["/u/dat", "/u/data", false],
    ["/u", "/u/data", false],
    ["/elsewhere/x.js", "/u/data", false],
  ])("%s in %s → %s", (candidate, dir, inside) => {
    expect(isInside(candidate, dir)).toBe(inside);
  });
});

describe("PathGuard", () => {
  it("admits paths outside, including new files in an existing folder, and refuses a new name inside", async () => {
    const dir = await tempDir();
    const userData = path.join(dir, "userData");
    await mkdir(userData);
    const guard = new PathGuard(nodeFileSystem, [userData]);
    await expect(guard.check(path.join(dir, "new-file.js"))).resolves.toBeUndefined();
    await expect(guard.check(path.join(dir, "no", "such", "folder", "x.js"))).resolves.toBeUndefined();
    await expect(guard.check(path.join(userData, "not-yet.json"))).rejects.toThrow("inside the app's own data folder");
  });

  it("sees through a data folder that itself sits behind a symlink", async () => {
    const dir = await tempDir();
    const real = path.join(dir, "real-data");
    await mkdir(real);
    await writeFile(path.join(real, "settings.json"), "{}");
    const linked = path.join(dir, "linked-data");
    await symlink(real, linked);
    const guard = new PathGuard(nodeFileSystem, [linked]);
    await expect(guard.check(path.join(real, "settings.json"))).rejects.toThrow("inside the app's own data folder");
  });

  it("a workspace leaves out a listed file that links into the data folder, saying why, and grants only the rest", async () => {
    const dir = await tempDir();
    const userData = path.join(dir, "userData");
    await mkdir(userData);
    await writeFile(path.join(userData, "settings.json"), "{}");
    const folder = path.join(dir, "workspace");
    await mkdir(folder);
    await writeFile(path.join(folder, "a.js"), "// a");
    await symlink(path.join(userData, "settings.json"), path.join(folder, "b.case.json"));
    const dialog = new FakeDialog();
    dialog.openAnswers.push({ canceled: false, filePaths: [folder] });
    const target = { window: new FakeWindow({}), grants: new Set<string>(), acknowledgeWrite: () => undefined };
    const listing = await new WorkspaceService(nodeFileSystem, dialog, new PathGuard(nodeFileSystem, [userData])).open(target);
    expect(listing?.files.map((f) => f.name)).toEqual(["a.js"]);
    expect(listing?.skipped).toEqual([{ name: "b.case.json", reason: expect.stringContaining("inside the app's own data folder") }]);
    expect([...target.grants].sort()).toEqual([folder, path.join(folder, "a.js")].sort());
  });
});

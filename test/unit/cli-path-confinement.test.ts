/**
 * The CLI's confinement check (cli/path-confinement.ts) over Windows spellings, with node:path.win32 injected
 * so it runs on any machine, and over POSIX paths with node:path.posix. Both sides are real paths as
 * realpathSync.native gives them (the file system's own spelling of every name).
 */
import { describe, expect, it } from "vitest";
import { posix, win32 } from "node:path";
import { isWithinFolder, withoutDevicePrefix } from "../../cli/path-confinement";

const inside: [string, string, string][] = [
  ["a file in the folder", "C:\\root", "C:\\root\\a.js"],
  ["the folder itself", "C:\\root", "C:\\root"],
  ["a drive letter in the other case", "C:\\root", "c:\\root\\a.js"],
  ["forward slashes", "C:\\root", "C:/root/lib/a.js"],
  ["a \\\\?\\ long-path prefix", "C:\\root", "\\\\?\\C:\\root\\a.js"],
  ["a \\\\.\\ device prefix", "C:\\root", "\\\\.\\C:\\root\\a.js"],
  ["a root given with the prefix", "\\\\?\\C:\\root", "C:\\root\\a.js"],
  ["a UNC share", "\\\\server\\share\\root", "\\\\server\\share\\root\\a.js"],
  ["a UNC server in the other case", "\\\\server\\share\\root", "\\\\SERVER\\share\\root\\a.js"],
  ["\\\\?\\UNC\\ for the same share", "\\\\server\\share\\root", "\\\\?\\UNC\\server\\share\\root\\a.js"],
  ["a name starting with two dots", "C:\\root", "C:\\root\\..a.js"],
  ["the drive's root as the folder", "C:\\", "C:\\any\\a.js"],
];

const outside: [string, string, string][] = [
  ["the parent", "C:\\root", "C:\\"],
  ["a sibling whose name starts with the folder's", "C:\\root", "C:\\rootx\\a.js"],
  ["a folder named in another case (a case-sensitive folder holds both)", "C:\\proj\\root", "C:\\proj\\ROOT\\secret.js"],
  ["a file named in another case", "C:\\root\\lib", "C:\\root\\LIB\\a.js"],
  ["dot-dot", "C:\\root", "C:\\root\\..\\Windows\\win.ini"],
  ["another drive", "C:\\root", "D:\\root\\a.js"],
  ["a UNC path from a drive", "C:\\root", "\\\\server\\share\\root\\a.js"],
  ["the admin share of the same drive", "C:\\root", "\\\\localhost\\C$\\root\\a.js"],
  ["another share on the server", "\\\\server\\share\\root", "\\\\server\\other\\root\\a.js"],
  ["a prefixed path out of the folder", "C:\\root", "\\\\?\\C:\\root\\..\\x"],
  ["a prefixed other drive", "C:\\root", "\\\\?\\D:\\root\\a.js"],
  ["the global device root", "C:\\root", "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\root\\a.js"],
  ["a drive-relative name", "C:\\root", "C:root\\a.js"],
];

describe("confinement on Windows (node:path.win32)", () => {
  for (const [what, folder, file] of inside) it(`lets in ${what}: ${file}`, () => expect(isWithinFolder(folder, file, win32)).toBe(true));
  for (const [what, folder, file] of outside) it(`keeps out ${what}: ${file}`, () => expect(isWithinFolder(folder, file, win32)).toBe(false));

  it("drops the long-path and device prefixes, and only on Windows", () => {
    expect(withoutDevicePrefix("\\\\?\\C:\\x", win32)).toBe("C:\\x");
    expect(withoutDevicePrefix("\\\\?\\UNC\\s\\sh\\x", win32)).toBe("\\\\s\\sh\\x");
    expect(withoutDevicePrefix("\\\\?\\GLOBALROOT\\x", win32)).toBe("\\\\?\\GLOBALROOT\\x");
    expect(withoutDevicePrefix("//?/C:/x", posix)).toBe("//?/C:/x");
  });
});

describe("confinement on POSIX (node:path.posix)", () => {
  it("lets in the folder and what is inside", () => {
    expect(isWithinFolder("/r", "/r", posix)).toBe(true);
    expect(isWithinFolder("/r", "/r/a/b.js", posix)).toBe(true);
    expect(isWithinFolder("/r", "/r/..a", posix)).toBe(true);
  });
  it("keeps out parents, siblings, other case and relative paths", () => {
    expect(isWithinFolder("/r", "/", posix)).toBe(false);
    expect(isWithinFolder("/r", "/rx/a", posix)).toBe(false);
    expect(isWithinFolder("/r", "/r/../etc/hostname", posix)).toBe(false);
    expect(isWithinFolder("/r/lib", "/r/LIB/a", posix)).toBe(false);
    expect(isWithinFolder("/r", "r/a", posix)).toBe(false);
    // A backslash is an ordinary character in a POSIX name, no separator.
    expect(isWithinFolder("/r", "/r\\..\\x", posix)).toBe(false);
  });
});

#!/usr/bin/env node
// `npm run check:package`: packages the app offline and inspects the result.
//
// The Electron binary cannot be downloaded on every machine, so electron-builder packages `--linux dir`
// against a stub Electron folder (-c.electronDist). The stub's "binary" carries a real fuse wire (the
// sentinel @electron/fuses looks for), so the configured fuses are flipped and then read back.
// Checks: the config passes electron-builder's schema, the asar holds only built output (no
// node_modules, no source maps, no TypeScript sources), the entry points exist, samples are shipped,
// and every fuse has the value electron-builder.json asks for.
//
// Usage: node electron/scripts/check-package.mjs [--skip-build]
import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const asar = require("@electron/asar");
const { getCurrentFuseWire, FuseV1Options } = require("@electron/fuses");

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failures.push(message);
};
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: "1" } });

const config = JSON.parse(await readFile(path.join(root, "electron-builder.json"), "utf8"));
const electronVersion = require("electron/package.json").version;

if (!process.argv.includes("--skip-build")) run("npx", ["electron-vite", "build"]);

const work = await mkdtemp(path.join(tmpdir(), "tsp-package-"));
try {
  // A stand-in for the unpacked Electron release: executable, resources/, version, licenses.
  const stub = path.join(work, "electron-stub");
  await mkdir(path.join(stub, "resources"), { recursive: true });
  const SENTINEL = "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX";
  // Fuse wire v1 with 8 fuses in Electron's shipped default states (1 = on, 0 = off).
  const defaultWire = "10110001";
  await writeFile(
    path.join(stub, "electron"),
    `#!/bin/sh\n# stub Electron for offline packaging checks\n# ${SENTINEL}\x01\x08${defaultWire}\necho "stub electron: cannot run" >&2\nexit 1\n`,
    "latin1",
  );
  await chmod(path.join(stub, "electron"), 0o755);
  await writeFile(path.join(stub, "version"), electronVersion);
  await writeFile(path.join(stub, "LICENSE"), "stub");
  await writeFile(path.join(stub, "LICENSES.chromium.html"), "stub");

  const output = path.join(work, "release");
  run("npx", ["electron-builder", "--linux", "dir", "--publish", "never", `-c.electronDist=${stub}`, `-c.directories.output=${output}`]);

  const unpacked = path.join(output, "linux-unpacked");
  const asarPath = path.join(unpacked, "resources", "app.asar");
  const asarSize = (await stat(asarPath)).size;
  const entries = asar.listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll("\\", "/"));
  const files = entries.filter((entry) => {
    try {
      return asar.statFile(asarPath, entry.replace(/^\//, ""), false).size !== undefined;
    } catch {
      return false;
    }
  });
  console.log(`\napp.asar: ${(asarSize / 1048576).toFixed(2)} MB, ${files.length} files`);
  for (const file of files.filter((f) => !f.startsWith("/out/renderer/assets/"))) console.log(`  ${file}`);
  const assets = files.filter((f) => f.startsWith("/out/renderer/assets/"));
  console.log(`  /out/renderer/assets/… ${assets.length} files`);
  console.log("");

  check(!entries.some((e) => e.includes("/node_modules/") || e === "/node_modules"), "no node_modules inside app.asar");
  check(!files.some((f) => f.endsWith(".map")), "no source maps inside app.asar");
  check(!files.some((f) => /\.(ts|tsx|mts|cts)$/.test(f)), "no TypeScript sources inside app.asar");
  check(files.every((f) => f === "/package.json" || f.startsWith("/out/")), "only package.json and built output (out/) inside app.asar");
  for (const required of ["/package.json", "/out/main/index.js", "/out/preload/index.cjs", "/out/renderer/index.html"]) {
    check(files.includes(required), `${required} is packaged`);
  }
  const packagedPkg = JSON.parse(asar.extractFile(asarPath, "package.json").toString("utf8"));
  check(packagedPkg.main === "out/main/index.js", `package.json main is out/main/index.js (got ${packagedPkg.main})`);
  check(!("devDependencies" in packagedPkg) && !("scripts" in packagedPkg), "packaged package.json carries no scripts or devDependencies");
  const preload = asar.extractFile(asarPath, "out/preload/index.cjs").toString("utf8");
  const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  check(requires.length > 0 && requires.every((r) => r === "electron"), `sandboxed preload requires only "electron" (found: ${requires.join(", ")})`);

  const samples = path.join(unpacked, "resources", "samples");
  const hasSamples = await stat(samples).then((s) => s.isDirectory(), () => false);
  check(hasSamples, "samples are shipped in resources/samples");

  const wire = await getCurrentFuseWire(path.join(unpacked, config.executableName));
  const expected = {
    RunAsNode: config.electronFuses.runAsNode,
    EnableCookieEncryption: config.electronFuses.enableCookieEncryption,
    EnableNodeOptionsEnvironmentVariable: config.electronFuses.enableNodeOptionsEnvironmentVariable,
    EnableNodeCliInspectArguments: config.electronFuses.enableNodeCliInspectArguments,
    EnableEmbeddedAsarIntegrityValidation: config.electronFuses.enableEmbeddedAsarIntegrityValidation,
    OnlyLoadAppFromAsar: config.electronFuses.onlyLoadAppFromAsar,
    GrantFileProtocolExtraPrivileges: config.electronFuses.grantFileProtocolExtraPrivileges,
  };
  for (const [name, want] of Object.entries(expected)) {
    const state = wire[FuseV1Options[name]];
    const actual = state === 49 ? true : state === 48 ? false : `state ${state}`;
    check(actual === want, `fuse ${name} = ${actual} in the packaged binary (want ${want})`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\ncheck:package: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("\ncheck:package: all checks passed");

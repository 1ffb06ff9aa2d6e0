import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  resolveRequestPath,
} from "../../electron/main/app-protocol";
import { CONTENT_SECURITY_POLICY as META_CSP } from "../../contracts/csp";
import { tempDir } from "./fakes";

/** The policy the shell must enforce at least; the renderer's policy may only add stricter directives. */
const REQUIRED_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
];

async function servedSite() {
  const parent = await tempDir();
  const root = path.join(parent, "renderer");
  await mkdir(path.join(root, "assets"), { recursive: true });
  await writeFile(path.join(root, "index.html"), "<!doctype html><title>playground</title>");
  await writeFile(path.join(root, "assets", "app.js"), "console.log(1)");
  await writeFile(path.join(root, "assets", "engine.wasm"), new Uint8Array([0, 97, 115, 109]));
  // A secret next to (not inside) the served folder: traversal must never reach it.
  await writeFile(path.join(parent, "secret.txt"), "TOP SECRET");
  const readCalls: string[] = [];
  const handler = createAppProtocolHandler({
    rootDir: root,
    readFile: (file) => {
      readCalls.push(file);
      return readFile(file);
    },
  });
  return { root, handler, readCalls };
}

describe("app:// protocol", () => {
  it("is registered as a standard, secure scheme that supports fetch (needed for wasm and workers)", () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it("item 7: the header policy is the renderer's own and contains every required directive", () => {
    // The page's <meta> policy, plus frame-ancestors, which only a header can carry; and connect-src kept to
    // 'self': the browser build's page fetches a hook service on 127.0.0.1, the app's main process does that.
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CSP.replace("connect-src 'self' http://127.0.0.1:* http://localhost:*", "connect-src 'self'")}; frame-ancestors 'none'`);
    expect(META_CSP).toContain("connect-src 'self' http://127.0.0.1:* http://localhost:*");
    const directives = CONTENT_SECURITY_POLICY.split(";").map((d) => d.trim());
    expect(directives).toEqual(expect.arrayContaining(REQUIRED_DIRECTIVES));
    // Any extra directive may only restrict, never name a source beyond 'self'/'none'.
    for (const extra of directives.filter((d) => !REQUIRED_DIRECTIVES.includes(d))) expect(extra).toMatch(/^[a-z-]+( 'self'| 'none')+$/);
  });

  it("item 7: shuts what default-src does not cover: forms, <base>, plugins and framing", () => {
    const directives = CONTENT_SECURITY_POLICY.split(";").map((d) => d.trim());
    expect(directives).toEqual(expect.arrayContaining(["form-action 'none'", "base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'"]));
    // A <meta> policy cannot carry frame-ancestors (Chromium ignores it and logs an error on every page load).
    expect(META_CSP).not.toContain("frame-ancestors");
    expect(META_CSP).toContain("form-action 'none'");
  });

  it("item 7: every response carries the CSP header", async () => {
    const { handler } = await servedSite();
    for (const url of ["app://playground/", "app://playground/assets/app.js", "app://playground/missing.js", "app://playground/%2e%2e/secret.txt"]) {
      const response = await handler(new Request(url));
      expect(response.headers.get("Content-Security-Policy"), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get("X-Content-Type-Options"), url).toBe("nosniff");
    }
  });

  it("item 1: the policy allows no remote origin at all", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|'unsafe-eval'/);
  });

  it("serves index.html for the root and files with their content types (wasm as application/wasm)", async () => {
    const { handler } = await servedSite();
    const index = await handler(new Request("app://playground/"));
    expect(index.status).toBe(200);
    expect(index.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await index.text()).toContain("<title>playground</title>");
    const wasm = await handler(new Request("app://playground/assets/engine.wasm"));
    expect(wasm.headers.get("Content-Type")).toBe("application/wasm");
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
    expect((await handler(new Request("app://playground/assets/app.js"))).headers.get("Content-Type")).toMatch(/^text\/javascript/);
  });

  it("answers 404 for a missing file", async () => {
    const { handler } = await servedSite();
    expect((await handler(new Request("app://playground/nope.js"))).status).toBe(404);
  });

  it.each([
    "app://playground/%2e%2e/secret.txt",
    "app://playground/%2E%2E/secret.txt",
    "app://playground/assets/%2e%2e/%2e%2e/secret.txt",
    "app://playground/..%2fsecret.txt",
    "app://playground/..%5csecret.txt",
    "app://playground/assets%5c..%5c..%5csecret.txt",
    "app://playground/index.html%00.js",
    "app://playground/%252e%252e/secret.txt",
    "app://other-host/index.html",
  ])("refuses %s without reading any file outside the renderer folder", async (url) => {
    const { handler, readCalls, root } = await servedSite();
    const response = await handler(new Request(url));
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain("TOP SECRET");
    for (const file of readCalls) expect(file.startsWith(root + path.sep)).toBe(true);
  });

  it("folds literal ../ segments inside the served folder (URL normalisation) instead of escaping", async () => {
    const { handler } = await servedSite();
    const response = await handler(new Request("app://playground/assets/../../../index.html"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("playground");
  });

  it("maps only our own scheme and host", () => {
    expect(resolveRequestPath("/r", "file:///etc/passwd")).toBeNull();
    expect(resolveRequestPath("/r", "https://playground/index.html")).toBeNull();
    expect(resolveRequestPath("/r", "app://playground/a/b.js")).toBe(path.resolve("/r/a/b.js"));
  });

  it("refuses methods other than GET and HEAD", async () => {
    const { handler } = await servedSite();
    expect((await handler(new Request("app://playground/index.html", { method: "POST", body: "x" }))).status).toBe(405);
  });
});

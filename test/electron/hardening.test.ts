import { describe, expect, it } from "vitest";
import { isSafeExternalUrl, safeExternalUrl } from "../../electron/main/external-url";
import {
  applyDevelopmentCsp,
  denyAllPermissions,
  developmentContentSecurityPolicy,
  hardenWebContents,
  USER_GESTURE_WINDOW_MS,
  UserGestures,
  type HardenableWebContents,
} from "../../electron/main/security";

class FakeContents implements HardenableWebContents {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of several event shapes
  readonly handlers = new Map<string, (event: { preventDefault(): void }, ...rest: any[]) => void>();
  openHandler: ((details: { url: string }) => { action: "deny" } | { action: "allow" }) | null = null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (event: { preventDefault(): void }, ...rest: any[]) => void): this {
    this.handlers.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" } | { action: "allow" }): void {
    this.openHandler = handler;
  }
  fire(event: string, ...rest: unknown[]): boolean {
    let prevented = false;
    this.handlers.get(event)!({ preventDefault: () => (prevented = true) }, ...rest);
    return prevented;
  }
}

function hardened() {
  const contents = new FakeContents();
  const opened: string[] = [];
  let clock = 1_000_000;
  const gestures = new UserGestures(() => clock);
  hardenWebContents(
    contents,
    async (url) => {
      opened.push(url);
    },
    gestures,
  );
  const input = (type: string, keyCode?: string) => contents.fire("input-event", keyCode === undefined ? { type } : { type, keyCode });
  const wait = (ms: number) => (clock += ms);
  return { contents, opened, input, wait };
}

describe("navigation and new windows (items 13, 14, 15)", () => {
  it("blocks every navigation away from the page", () => {
    const { contents } = hardened();
    expect(contents.fire("will-navigate", "https://evil.example/")).toBe(true);
    expect(contents.fire("will-navigate", "app://playground/other.html")).toBe(true);
    expect(contents.fire("will-redirect", "https://evil.example/")).toBe(true);
  });

  it("a navigation attempt opens nothing, not even an https one just after a click", () => {
    const { contents, opened, input } = hardened();
    contents.fire("will-navigate", "https://docs.pingidentity.com/x");
    input("mouseUp");
    contents.fire("will-navigate", "https://docs.pingidentity.com/y");
    contents.fire("will-navigate", "file:///etc/passwd");
    expect(opened).toEqual([]);
  });

  it("denies every new window; a clicked https link goes to the browser, other schemes never", () => {
    const { contents, opened, input } = hardened();
    for (const url of ["https://example.com/a", "http://example.com/", "smb://host/share", "https://user:pw@example.com/", "about:blank"]) {
      input("mouseUp");
      expect(contents.openHandler!({ url })).toEqual({ action: "deny" });
    }
    expect(opened).toEqual(["https://example.com/a"]);
  });

  it("opens a new-window link only right after a real click or Enter / Space, once per gesture", () => {
    const { contents, opened, input, wait } = hardened();
    contents.openHandler!({ url: "https://example.com/no-gesture" });
    input("keyDown", "A"); // typing in the editor is no gesture
    contents.openHandler!({ url: "https://example.com/while-typing" });
    input("mouseMove");
    contents.openHandler!({ url: "https://example.com/hover" });
    input("mouseUp");
    contents.openHandler!({ url: "https://example.com/clicked" });
    contents.openHandler!({ url: "https://example.com/second-from-one-click" });
    input("keyDown", "Enter");
    contents.openHandler!({ url: "https://example.com/enter" });
    input("mouseDown");
    wait(USER_GESTURE_WINDOW_MS + 1);
    contents.openHandler!({ url: "https://example.com/too-late" });
    expect(opened).toEqual(["https://example.com/clicked", "https://example.com/enter"]);
  });

  it("opens the parsed URL re-serialised, never the raw string", () => {
    const { contents, opened, input } = hardened();
    input("mouseUp");
    contents.openHandler!({ url: "https://evil.example\\@good.example" });
    expect(opened).toEqual(["https://evil.example/@good.example"]);
  });

  it("items 11/12: refuses to attach any <webview>", () => {
    const { contents } = hardened();
    expect(contents.fire("will-attach-webview", {}, {})).toBe(true);
  });
});

describe("safeExternalUrl", () => {
  it.each([
    // The WHATWG parser reads "\\" as "/": host evil.example. Another parser may read user "evil.example\\" at good.example.
    ["https://evil.example\\@good.example", "https://evil.example/@good.example"],
    ["https://Example.COM:443/a/./b/../c?q=1#f", "https://example.com/a/c?q=1#f"],
    ["https://例え.jp/", "https://xn--r8jz45g.jp/"],
    ["https://example.com/a/%2e%2e/b", "https://example.com/b"], // encoded dots are folded too
    ["https://a@example.com/", null],
    ["https://:pw@example.com/", null],
    ["https:///path-only", "https://path-only/"],
  ])("%s → %s", (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected);
  });
});

describe("isSafeExternalUrl", () => {
  it.each([
    ["https://docs.pingidentity.com/pingoneaic/", true],
    ["https://example.com:8443/path?q=1#f", true],
    ["http://example.com/", false],
    ["file:///C:/Windows/System32/calc.exe", false],
    ["ms-msdt:/id PCWDiagnostic", false],
    ["javascript:alert(1)", false],
    ["https://user:secret@example.com/", false],
    ["https://exa mple.com/", false],
    ["https://example.com/\nfoo", false],
    ["not a url", false],
    ["https://" + "a".repeat(3000) + ".com/", false],
  ])("%s → %s", (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
  it("refuses non-strings", () => {
    expect(isSafeExternalUrl(42)).toBe(false);
    expect(isSafeExternalUrl({ toString: () => "https://x.com" })).toBe(false);
  });
});

describe("permissions (item 5)", () => {
  it("denies every permission request and every permission check", () => {
    let requestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
    let checkHandler: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler) => (checkHandler = handler),
    });
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal", "fullscreen"]) {
      const answers: boolean[] = [];
      requestHandler!({}, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(checkHandler!({}, permission, "app://playground", {}), permission).toBe(false);
    }
  });
});

describe("development CSP", () => {
  it("is added only to responses from the dev server origin", () => {
    let listener: Parameters<Parameters<typeof applyDevelopmentCsp>[0]["webRequest"]["onHeadersReceived"]>[0] | null = null;
    applyDevelopmentCsp({ webRequest: { onHeadersReceived: (l) => (listener = l) } }, "http://localhost:5173");
    const results: Record<string, string[]>[] = [];
    listener!({ url: "http://localhost:5173/src/main.tsx", responseHeaders: { "X-A": ["1"] } }, (r) => results.push(r.responseHeaders!));
    listener!({ url: "https://elsewhere.example/", responseHeaders: {} }, (r) => results.push(r.responseHeaders!));
    expect(results[0]["Content-Security-Policy"]).toEqual([developmentContentSecurityPolicy("http://localhost:5173")]);
    expect(results[0]["X-A"]).toEqual(["1"]);
    expect(results[1]["Content-Security-Policy"]).toBeUndefined();
  });
  it("still allows no remote origin and no eval; only the dev server's websocket", () => {
    const policy = developmentContentSecurityPolicy("http://localhost:5173");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
    expect(policy).not.toMatch(/https?:|'unsafe-eval'|\*/);
    for (const shut of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) expect(policy).toContain(shut);
  });
});

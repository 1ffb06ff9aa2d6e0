/**
 * Window and session hardening (Electron security checklist). Each function takes the Electron object it
 * configures as a narrow interface so tests can pass fakes and assert exactly what was set.
 */
import { isSafeExternalUrl } from "./external-url";

/** webPreferences for every window. Options left out keep Electron's secure defaults on purpose. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    // webSecurity, allowRunningInsecureContent, experimentalFeatures and enableBlinkFeatures are not
    // set at all: their defaults are the safe values and the tests assert they stay absent.
    spellcheck: false,
  } as const;
}

export interface NavigationEventLike {
  preventDefault(): void;
}

export interface HardenableWebContents {
  on(event: "will-navigate", listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: "will-redirect", listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: "will-attach-webview", listener: (event: NavigationEventLike, ...rest: unknown[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" } | { action: "allow" }): void;
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * The app is a single page: it never navigates, never opens windows and never embeds webviews
 * (checklist items 11–14). Links the user clicks that are plain https go to the system browser.
 */
export function hardenWebContents(contents: HardenableWebContents, openExternal: OpenExternal): void {
  const openIfSafe = (url: string): void => {
    if (isSafeExternalUrl(url)) void openExternal(url).catch(() => undefined);
  };
  contents.on("will-navigate", (event, url) => {
    event.preventDefault();
    openIfSafe(url);
  });
  contents.on("will-redirect", (event) => {
    event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url);
    return { action: "deny" };
  });
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, origin: string, details: unknown) => boolean): void;
}

/**
 * The playground needs no camera, notifications, geolocation, clipboard-read, … so every request and
 * every check is denied (checklist item 5). Copy/paste keep working through the Edit menu roles.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface HeaderSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Development only: the Vite dev server needs an inline React-refresh preamble and a websocket for hot
 * reload, so it gets a looser policy than app://, still without remote origins or eval.
 */
export function developmentContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, "ws");
  return (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; worker-src 'self' blob:; " +
    `style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self' ${ws}`
  );
}

export function applyDevelopmentCsp(session: HeaderSession, devOrigin: string): void {
  const policy = developmentContentSecurityPolicy(devOrigin);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    if (sameOrigin(details.url, devOrigin)) headers["Content-Security-Policy"] = [policy];
    callback({ responseHeaders: headers });
  });
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

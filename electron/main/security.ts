/**
 * Window and session hardening (Electron security checklist). Each function takes the Electron object it
 * configures as a narrow interface so tests can pass fakes and assert exactly what was set.
 */
import { safeExternalUrl } from "./external-url";

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

/** The part of Electron's InputEvent (webContents "input-event") a gesture is judged by. */
export interface InputEventLike {
  type: string;
  /** Keyboard events only: the key, accelerator-style ("Enter", "Space", "A"). */
  keyCode?: string;
}

export interface HardenableWebContents {
  on(event: "will-navigate", listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: "will-redirect", listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: "will-attach-webview", listener: (event: NavigationEventLike, ...rest: unknown[]) => void): unknown;
  on(event: "input-event", listener: (event: unknown, input: InputEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" } | { action: "allow" }): void;
}

export type OpenExternal = (url: string) => Promise<void>;

/** How long after a click (or Enter / Space) a link may still open the browser; a click's own link takes milliseconds. */
export const USER_GESTURE_WINDOW_MS = 1000;

const POINTER_ACTIVATIONS = new Set(["mouseDown", "mouseUp", "pointerDown", "pointerUp", "gestureTap", "touchEnd"]);
const KEY_ACTIVATIONS = new Set(["Enter", "Return", "Space", " "]);

/**
 * Recent real user input to one web contents, as the browser process saw it: the page cannot fake these
 * events (element.click() or dispatchEvent never reach "input-event"). A click or an Enter / Space press
 * lets one external link open within USER_GESTURE_WINDOW_MS; opening uses it up. Typing letters does not
 * count, so a page cannot ride on the user's typing in the editor.
 */
export class UserGestures {
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly windowMs = USER_GESTURE_WINDOW_MS,
  ) {}

  note(input: InputEventLike): void {
    const isKey = input.type === "keyDown" || input.type === "rawKeyDown";
    if (POINTER_ACTIVATIONS.has(input.type) || (isKey && input.keyCode !== undefined && KEY_ACTIVATIONS.has(input.keyCode))) this.lastAt = this.now();
  }

  /** True (once) when the user just clicked or pressed Enter / Space. */
  consume(): boolean {
    const fresh = this.now() - this.lastAt <= this.windowMs;
    this.lastAt = Number.NEGATIVE_INFINITY;
    return fresh;
  }
}

const gesturesByContents = new WeakMap<object, UserGestures>();

/** The gesture record of one web contents (shared by its window-open handler and its IPC requests). */
export function userGesturesOf(contents: object): UserGestures {
  let gestures = gesturesByContents.get(contents);
  if (!gestures) {
    gestures = new UserGestures();
    gesturesByContents.set(contents, gestures);
  }
  return gestures;
}

/**
 * The app is a single page: it never navigates, never opens windows and never embeds webviews
 * (checklist items 11–14). A navigation attempt is refused and opens nothing (no gesture is behind it
 * as far as main can tell). A link the user clicks that asks for a new window (target=_blank) goes to the
 * system browser when it is plain https and a real click or key press came just before.
 */
export function hardenWebContents(contents: HardenableWebContents, openExternal: OpenExternal, gestures: UserGestures = userGesturesOf(contents)): void {
  contents.on("input-event", (_event, input) => gestures.note(input));
  contents.on("will-navigate", (event) => {
    event.preventDefault();
  });
  contents.on("will-redirect", (event) => {
    event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe !== null && gestures.consume()) void openExternal(safe).catch(() => undefined);
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
    `style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self' ${ws}; ` +
    // What default-src does not cover stays as shut as in production.
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
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

/**
 * The privileged `app://` scheme that serves the built renderer (checklist item 18: no file://).
 * Every response carries the Content-Security-Policy header; a header (unlike <meta>) also covers the
 * Web Workers that run Monaco and the QuickJS engine. Paths that escape the renderer folder are refused.
 */
import path from "node:path";
import { DESKTOP_HEADER_CONTENT_SECURITY_POLICY } from "../../contracts/csp";

export const APP_SCHEME = "app";
export const APP_HOST = "playground";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The policy the renderer's built page carries in its <meta> tag (contracts/csp.ts), sent as a header
 * because only a header reaches the Monaco and engine workers, plus the header-only `frame-ancestors`.
 * 'wasm-unsafe-eval' lets QuickJS compile without allowing JS eval; no remote origin appears
 * (checklist items 1 and 7).
 */
export const CONTENT_SECURITY_POLICY = DESKTOP_HEADER_CONTENT_SECURITY_POLICY;

/**
 * Arguments for protocol.registerSchemesAsPrivileged, which must run before the app is ready. `standard`
 * + `secure` give the page a real origin (module scripts, workers, storage); `supportFetchAPI` lets the
 * worker fetch the QuickJS wasm. `corsEnabled` stays unset on purpose: it would let other origins read
 * app:// responses.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

export interface AppProtocolOptions {
  /** Absolute folder holding the built renderer (index.html and assets). */
  rootDir: string;
  readFile(absolutePath: string): Promise<Uint8Array>;
}

export type AppRequestHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(options: AppProtocolOptions): AppRequestHandler {
  const root = path.resolve(options.rootDir);
  return async (request) => {
    const target = resolveRequestPath(root, request.url);
    if (target === null) return plainResponse(403, "Forbidden");
    if (request.method !== "GET" && request.method !== "HEAD") return plainResponse(405, "Method Not Allowed");
    let body: Uint8Array;
    try {
      body = await options.readFile(target);
    } catch {
      return plainResponse(404, "Not Found");
    }
    const type = CONTENT_TYPES[path.extname(target).toLowerCase()] ?? "application/octet-stream";
    return new Response(request.method === "HEAD" ? null : (body as BodyInit), {
      status: 200,
      headers: securityHeaders({ "Content-Type": type }),
    });
  };
}

/** The file a request maps to, or null when the URL is not ours or leaves the renderer folder. */
export function resolveRequestPath(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // URL parsing already folds literal "../"; encoded dots, backslashes and NULs survive it, so refuse them.
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === "." || segment === "..")) return null;
  const relative = segments.length === 0 ? "index.html" : segments.join("/");
  const target = path.resolve(root, relative);
  const fromRoot = path.relative(root, target);
  if (fromRoot.startsWith("..") || path.isAbsolute(fromRoot)) return null;
  return target;
}

function securityHeaders(extra: Record<string, string>): Headers {
  return new Headers({
    ...extra,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
  });
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders({ "Content-Type": "text/plain; charset=utf-8" }) });
}

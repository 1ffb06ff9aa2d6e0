/**
 * The renderer's Content-Security-Policy, shared by the web build (a <meta> tag, vite.config.ts), the e2e
 * static server and Electron's app:// protocol handler (a header). A server must send it as a header as
 * well, because a meta CSP does not reach dedicated workers. 'wasm-unsafe-eval' lets the engine worker
 * compile QuickJS without allowing JS eval; Monaco needs inline styles. No remote origin appears anywhere.
 *
 * The page never submits forms, never embeds plugins, never sets <base> and is never framed, so each of
 * those is shut explicitly: `default-src` does not cover form-action, base-uri or frame-ancestors.
 *
 * The one origin outside 'self': the browser build's page calls the user's own hook service on this machine
 * (OneWelcome's hookUrl, contracts/hook-call.ts) with fetch, so connect-src lets it reach the loopback
 * interface. The desktop app makes that call in main, so its header (DESKTOP_HEADER_…) keeps connect-src
 * to 'self'; a page under both policies gets what both allow.
 */
const LOOPBACK_CONNECT = "connect-src 'self' http://127.0.0.1:* http://localhost:*";
const SELF_CONNECT = "connect-src 'self'";

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  LOOPBACK_CONNECT,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** For a <meta> tag (and every other use): the policy without the header-only directive. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join("; ");

/**
 * For an HTTP (or app://) response header. `frame-ancestors` is honoured only in a header; in a <meta>
 * tag Chromium ignores it and logs an error, so it is added here only.
 */
export const HEADER_CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join("; ");

/** The desktop app's header (app:// protocol): as the browser build's, but nothing beyond 'self' to connect to. */
export const DESKTOP_HEADER_CONTENT_SECURITY_POLICY = [...DIRECTIVES.map((d) => (d === LOOPBACK_CONNECT ? SELF_CONNECT : d)), "frame-ancestors 'none'"].join("; ");

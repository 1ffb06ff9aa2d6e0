/**
 * The renderer's Content-Security-Policy. The web build puts it in a <meta> tag; a server (the e2e static
 * server, Electron's app:// protocol handler) must also send it as a header, because a meta CSP does not
 * reach dedicated workers. 'wasm-unsafe-eval' lets the engine worker compile QuickJS; Monaco needs inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

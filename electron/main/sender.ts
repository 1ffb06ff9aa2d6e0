/**
 * Checklist item 17: an IPC request is served only when it comes from the top frame of one of our
 * windows showing our own page (app:// in production, the local Vite server in development).
 */
export interface SenderFrameLike {
  url: string;
  /** null for a top-level frame. */
  parent: unknown;
}

/** `origins` holds "app://playground" and, in development, "http://localhost:5173"-style origins. */
export function isTrustedSenderFrame(frame: SenderFrameLike | null | undefined, origins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && origins.includes(origin);
}

/**
 * Node's URL gives "null" as the origin of non-special schemes such as app:, so the origin is rebuilt
 * from protocol and host, which is what Chromium uses for a standard scheme.
 */
export function originOf(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.host === "") return null;
  return `${url.protocol}//${url.host}`;
}

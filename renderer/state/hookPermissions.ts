/**
 * Which hook service addresses (host:port) the user let this window call. A scenario is data a user may have
 * been sent, so the first run that would POST to an address (OneWelcome's `hookUrl`: the user's claims and a
 * bearer token) is not sent: the address is put to the user, and the run repeats once they allow it.
 *
 * Kept for the window's life only: a reload, or a new window, asks again.
 */
import { callLoopbackHook, hookAddress, loopbackRefusal, type HookCallOutcome, type HookCallRequest } from "../../contracts/hook-call";

export type HookDecision = "allowed" | "refused";

/** What the page shows: the address waiting for the user's answer, and the URL the run would call there. */
export interface HookQuestion {
  address: string;
  url: string;
}

export class HookPermissions {
  private readonly decisions = new Map<string, HookDecision>();
  private asking: HookQuestion | null = null;
  private readonly listeners = new Set<() => void>();

  decision(address: string): HookDecision | null {
    return this.decisions.get(address) ?? null;
  }

  /** The question on screen, or null (useSyncExternalStore's snapshot: the same object until it changes). */
  question(): HookQuestion | null {
    return this.asking;
  }

  /** Puts an address to the user (once: a second run while they think does not ask again). */
  ask(address: string, url: string): void {
    if (this.decisions.has(address) || this.asking?.address === address) return;
    this.asking = { address, url };
    this.notify();
  }

  decide(address: string, decision: HookDecision): void {
    this.decisions.set(address, decision);
    if (this.asking?.address === address) this.asking = null;
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** How the host sends a request the user allowed (desktop: main's loopback caller over IPC; browser: fetch). */
export type HookSender = (request: HookCallRequest) => Promise<HookCallOutcome>;

/**
 * The page's hook caller for the engine client: refuses an address off this machine (before asking anything),
 * asks about a new address, refuses one the user said no to, and sends the rest.
 */
export function pageHookCaller(permissions: HookPermissions, send: HookSender): HookSender {
  return async (request) => {
    const refusal = loopbackRefusal(request.url);
    if (refusal) return { status: "refused", reason: refusal };
    const address = hookAddress(request.url) ?? request.url;
    switch (permissions.decision(address)) {
      case "allowed":
        try {
          return await send(request);
        } catch (e) {
          // The desktop bridge rejects when main refused the request's shape: nothing was sent.
          return { status: "refused", reason: e instanceof Error ? e.message : String(e) };
        }
      case "refused":
        return { status: "refused", reason: `you chose not to let this window call ${address}; it will not ask again (a new window asks afresh). Remove onewelcome.hookUrl to answer from the script under edit` };
      default:
        permissions.ask(address, request.url);
        return { status: "refused", reason: `the playground asks before it calls ${address} for the first time: answer the question above the editor (the editor's run repeats by itself; run anything else again)` };
    }
  };
}

/**
 * The browser build's page may connect only where its CSP lets it (contracts/csp.ts: 127.0.0.1 and localhost,
 * over http); CSP cannot name [::1] or the rest of 127.0.0.0/8, so those are refused with the reason rather
 * than left to fail as if the service were down.
 */
function browserReachable(url: URL): string | null {
  if (url.protocol === "http:" && (url.hostname === "127.0.0.1" || url.hostname === "localhost")) return null;
  return `the browser build can reach only http://127.0.0.1 and http://localhost (its Content-Security-Policy), not ${url.protocol}//${url.host}; use one of those, or the desktop app or the CLI, which call any loopback address`;
}

/**
 * The browser build's sender: the page's own fetch. The page's origin differs from the service's, so the
 * browser applies CORS, which the desktop app and the CLI do not.
 */
export const browserHookSender: HookSender = (request) =>
  callLoopbackHook(request, (url, init) => fetch(url, init), {
    refuse: browserReachable,
    unreachableHint:
      "Is the service running? In the browser build it must also allow this page's origin (answer the OPTIONS preflight with Access-Control-Allow-Origin and Access-Control-Allow-Headers: authorization, content-type); the desktop app and the CLI need no CORS",
  });

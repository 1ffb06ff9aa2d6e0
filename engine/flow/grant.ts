/**
 * What AM keeps about one grant between the requests of a flow: the authorization code, the tokens it issued
 * (with their expiry and whether they were revoked or replaced), and the grant's id and scopes.
 */
import type { TokenReference } from "./schema";

export interface IssuedToken {
  value: string;
  /** Epoch ms after which AM no longer accepts the token; null when it never expires. */
  expiresAtMs: number | null;
  revoked: boolean;
  /** Step index (0-based) of the request that issued it. */
  issuedAtStep: number;
  /** The client it was issued to: only that client may refresh with it. */
  clientId: string;
  /** What /oauth2/introspect answers while the token is active. */
  introspection: Record<string, unknown>;
  /** JSON Pointers into `introspection` of Java doubles. */
  introspectionDoubles?: string[];
  /**
   * A macaroon access token: what AM holds for it before its caveats apply, and what verifying it takes, so each
   * introspection applies the caveats at its own time with the discharges that request carries.
   */
  macaroon?: { unrestricted: Record<string, unknown>; rootKey: string; audience: string[] };
}

export interface AuthorizationCode {
  value: string;
  /** The client that was authorized: only that client may exchange the code. */
  clientId: string;
  scopes: string[];
  used: boolean;
  expiresAtMs: number;
}

export class GrantState {
  code: AuthorizationCode | null = null;
  /** The scopes the resource owner granted; a refresh may ask for these or fewer. */
  grantedScopes: string[] | null = null;
  readonly tokens: Partial<Record<TokenReference, IssuedToken>> = {};

  constructor(readonly authGrantId: string) {}

  /** Records a newly issued token; a new refresh token replaces (and invalidates) the previous one. */
  issue(kind: "access_token" | "refresh_token" | "id_token", token: IssuedToken): void {
    if (kind === "refresh_token" && this.tokens.refresh_token) {
      this.tokens.previous_refresh_token = { ...this.tokens.refresh_token, revoked: true };
    }
    this.tokens[kind] = token;
  }

  isActive(token: IssuedToken | undefined, nowMs: number): boolean {
    return token !== undefined && !token.revoked && (token.expiresAtMs === null || nowMs < token.expiresAtMs);
  }

  /** Revoking a refresh token ends the grant: its access tokens go too (RFC 7009 §2.1's SHOULD). */
  revoke(reference: TokenReference): boolean {
    const token = this.tokens[reference];
    if (!token) return false;
    token.revoked = true;
    if (reference === "refresh_token") {
      for (const other of Object.values(this.tokens)) if (other) other.revoked = true;
    }
    return true;
  }
}

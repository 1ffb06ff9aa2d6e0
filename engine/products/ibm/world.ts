/**
 * What the IBM appliance keeps between the requests of a flow: grants by state_id with their extra
 * attributes (the association store), the tokens and codes each grant issued, and the IDMappingExtCache.
 * A grant's state_id is the same for its access and refresh tokens and survives refresh (seed 003; reference
 * peers-and-anchors.md §6.1), so what a rule associates at /authorize is still there after a refresh.
 */
import { SeededRandom } from "../../util/random";

/** The documented limit on an association's key and value (seed 003; ISAM 8.0.0.4 KC, peers §6.1). */
export const ASSOCIATION_LIMIT = 256;
export const ASSOCIATION_LIMIT_SOURCE =
  'IBM: "the maximum attribute key or value length is 256" (L. Farrell, "OAuth: Custom token attributes", IBM Security blog, 2018; ISAM 8.0.0.4 "OAuth 2.0 mapping rule methods")';

export type IbmTokenKind = "authorization_code" | "access_token" | "refresh_token";

export interface IbmToken {
  kind: IbmTokenKind;
  value: string;
  /** The token's id (IBM's response metadata access_token_id / refresh_token_id). */
  id: string;
  stateId: string;
  clientId: string;
  username: string;
  scope: string[];
  createdMs: number;
  expiresMs: number;
  enabled: boolean;
}

export interface IbmGrant {
  stateId: string;
  clientId: string;
  username: string;
  scope: string[];
  associations: Map<string, string>;
  deleted: boolean;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export class IbmWorld {
  readonly grants = new Map<string, IbmGrant>();
  readonly tokens: IbmToken[] = [];
  readonly cache = new Map<string, { value: unknown; expiresMs: number | null }>();
  nowMs: number;
  private readonly random: SeededRandom;
  private nextStateIndex = 0;

  constructor(
    readonly seed: number,
    clockMs: number,
    private readonly firstStateId: string | undefined,
    private readonly initialAssociations: Record<string, string>,
  ) {
    this.nowMs = clockMs;
    this.random = new SeededRandom((seed ^ 0x1b3a) >>> 0);
  }

  /** IBM's token values: random alphanumerics (the length and alphabet are the playground's inference). */
  randomString(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += ALPHANUMERIC[Math.floor(this.random.next() * ALPHANUMERIC.length)];
    return out;
  }

  /** A new grant; the first takes the scenario's stateId and initial associations. */
  createGrant(clientId: string, username: string, scope: string[]): IbmGrant {
    const first = this.nextStateIndex === 0;
    this.nextStateIndex += 1;
    const stateId = first && this.firstStateId ? this.firstStateId : this.random.uuid();
    const grant: IbmGrant = {
      stateId,
      clientId,
      username,
      scope,
      associations: new Map(first ? Object.entries(this.initialAssociations) : []),
      deleted: false,
    };
    this.grants.set(stateId, grant);
    return grant;
  }

  liveGrant(stateId: string | null): IbmGrant | null {
    if (stateId === null) return null;
    const grant = this.grants.get(stateId);
    return grant && !grant.deleted ? grant : null;
  }

  issue(kind: IbmTokenKind, grant: IbmGrant, lifetimeSeconds: number, value?: string): IbmToken {
    const token: IbmToken = {
      kind,
      value: value ?? this.randomString(kind === "authorization_code" ? 30 : 20),
      id: this.random.uuid(),
      stateId: grant.stateId,
      clientId: grant.clientId,
      username: grant.username,
      scope: [...grant.scope],
      createdMs: this.nowMs,
      expiresMs: this.nowMs + lifetimeSeconds * 1000,
      enabled: true,
    };
    this.tokens.push(token);
    return token;
  }

  findToken(valueOrId: string): IbmToken | null {
    return this.tokens.find((t) => t.value === valueOrId || t.id === valueOrId) ?? null;
  }

  isActive(token: IbmToken | null): token is IbmToken {
    return token !== null && token.enabled && this.nowMs < token.expiresMs && this.liveGrant(token.stateId) !== null;
  }

  /** Disables the grant's tokens of a kind (a refresh replaces the access and refresh tokens). */
  disable(stateId: string, kinds: IbmTokenKind[]): void {
    for (const t of this.tokens) if (t.stateId === stateId && kinds.includes(t.kind)) t.enabled = false;
  }

  deleteGrant(stateId: string): boolean {
    const grant = this.grants.get(stateId);
    if (!grant || grant.deleted) return false;
    grant.deleted = true;
    grant.associations.clear();
    this.disable(stateId, ["authorization_code", "access_token", "refresh_token"]);
    return true;
  }
}

/**
 * The appliance's OAuth endpoints over one IbmServer: /authorize, /token (each grant type), /introspect,
 * /userinfo and /revoke. Each builds the request's inputs and its operation (what the appliance does between
 * the pre-token and the post-token rule); the server runs the rules around it.
 */
import type { IbmRunResult, IbmServer, OperationOutcome, RequestSpec } from "./server";
import type { IbmGrant, IbmToken } from "./world";
import { scenarioClientId } from "../../scenario/client-id";

/** Authorization codes live this long (the playground's choice: IBM's definition sets it; inferred). */
const CODE_LIFETIME_SECONDS = 300;

export interface IssuedValues {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  code?: string;
}

export class IbmEndpoints {
  /** The tokens the last successful issuance returned, for the flow's token references. */
  readonly current: IssuedValues & { previous_refresh_token?: string } = {};
  private code: IbmToken | null = null;

  constructor(private readonly server: IbmServer) {}

  private get s() {
    return this.server.scenario;
  }
  private get clientId(): string {
    return scenarioClientId(this.s);
  }
  private userOf(grantType: string): string {
    return grantType === "client_credentials" ? this.clientId : this.s.identity.username;
  }

  /** Access (and refresh, and ID) tokens for a grant, as the token endpoint answers them. */
  private async issueTokens(grant: IbmGrant, decisions: Parameters<RequestSpec["operate"]>[0], refresh: boolean, clientId: string): Promise<OperationOutcome> {
    const w = this.server.world;
    const access = w.issue("access_token", grant, this.s.token.lifetimeSeconds, decisions.customTokens.access_token);
    const refreshToken = refresh ? w.issue("refresh_token", grant, this.s.token.refreshLifetimeSeconds, decisions.customTokens.refresh_token) : null;
    const response: Record<string, unknown> = {
      access_token: access.value,
      token_type: "bearer",
      expires_in: this.s.token.lifetimeSeconds,
      scope: grant.scope.join(" "),
    };
    if (refreshToken) response.refresh_token = refreshToken.value;
    if (grant.scope.includes("openid")) response.id_token = await this.server.idToken(grant, clientId, decisions.idTokenClaims, this.s.token.lifetimeSeconds);
    return {
      status: 200,
      response,
      grant,
      metadata: { access_token_id: access.id, ...(refreshToken ? { refresh_token_id: refreshToken.id } : {}) },
      tokens: [access, ...(refreshToken ? [refreshToken] : [])],
    };
  }

  private remember(result: IbmRunResult): IbmRunResult {
    if (result.ok && result.ibm.status < 400) {
      const body = result.ibm.body;
      if (typeof body.access_token === "string") this.current.access_token = body.access_token;
      if (typeof body.id_token === "string") this.current.id_token = body.id_token;
      if (typeof body.refresh_token === "string") {
        if (this.current.refresh_token) this.current.previous_refresh_token = this.current.refresh_token;
        this.current.refresh_token = body.refresh_token;
      }
    }
    return result;
  }

  async authorize(responseType: string, scopes: string[], params: Record<string, string[]>): Promise<IbmRunResult> {
    const types = responseType.split(/\s+/).filter(Boolean);
    const w = this.server.world;
    return this.remember(
      await this.server.handle({
        requestType: "authorization",
        grantType: null,
        body: {},
        query: { client_id: [this.clientId], response_type: [responseType], scope: [scopes.join(" ")], ...params },
        clientId: this.clientId,
        principal: this.s.identity.username,
        operate: async (decisions) => {
          const grant = w.createGrant(this.clientId, decisions.username ?? this.s.identity.username, scopes);
          const response: Record<string, unknown> = {};
          const tokens: IbmToken[] = [];
          if (types.includes("code")) {
            this.code = w.issue("authorization_code", grant, CODE_LIFETIME_SECONDS, decisions.customTokens.authorization_code);
            response.code = this.code.value;
            tokens.push(this.code);
          }
          if (types.includes("token")) {
            const issued = await this.issueTokens(grant, decisions, false, this.clientId);
            Object.assign(response, issued.response);
            tokens.push(...issued.tokens);
            if (!types.includes("id_token")) delete response.id_token;
          }
          if (params.state) response.state = params.state[0];
          return { status: 302, response, grant, metadata: {}, tokens };
        },
      }),
    );
  }

  async token(grantType: string, scopes: string[] | undefined, params: Record<string, string[]>, clientId = this.clientId): Promise<IbmRunResult> {
    const w = this.server.world;
    const body: Record<string, string[]> = { grant_type: [grantType], client_id: [clientId], ...(scopes ? { scope: [scopes.join(" ")] } : {}) };
    let operate: RequestSpec["operate"];
    let principal: string | null = this.userOf(grantType);
    switch (grantType) {
      case "authorization_code": {
        if (!this.code) {
          // A code exchange without /authorize in the flow: the code was issued before the flow began.
          const grant = w.createGrant(clientId, this.s.identity.username, scopes ?? this.s.scopes);
          this.code = w.issue("authorization_code", grant, CODE_LIFETIME_SECONDS);
        }
        const code = this.code;
        body.code = [code.value];
        principal = code.username;
        operate = (decisions) => {
          const grant = w.liveGrant(code.stateId);
          if (!grant || !code.enabled || w.nowMs >= code.expiresMs) {
            return { status: 400, response: { error: "invalid_grant", error_description: "The authorization code is not valid (used, expired or revoked)." }, grant, metadata: {}, tokens: [] };
          }
          code.enabled = false;
          if (decisions.username) grant.username = decisions.username;
          return this.issueTokens(grant, decisions, this.s.token.refreshToken, clientId);
        };
        break;
      }
      case "refresh_token": {
        const value = this.current.refresh_token ?? "";
        body.refresh_token = [value];
        const token = w.findToken(value);
        principal = token?.username ?? principal;
        operate = (decisions) => {
          const grant = token ? w.liveGrant(token.stateId) : null;
          if (!token || !grant || !w.isActive(token) || token.kind !== "refresh_token") {
            return { status: 400, response: { error: "invalid_grant", error_description: "The refresh token is not valid." }, grant, metadata: {}, tokens: [] };
          }
          const wider = (scopes ?? []).filter((sc) => !grant.scope.includes(sc));
          if (wider.length) return { status: 400, response: { error: "invalid_scope", error_description: `Scope not granted: ${wider.join(" ")}` }, grant, metadata: {}, tokens: [] };
          if (scopes) grant.scope = scopes;
          // Same grant, same state_id: the old tokens go, new ones come, the associations stay.
          w.disable(grant.stateId, ["access_token", "refresh_token"]);
          if (decisions.username) grant.username = decisions.username;
          return this.issueTokens(grant, decisions, this.s.token.refreshToken, clientId);
        };
        break;
      }
      default:
        if (grantType === "password") body.username = [this.s.identity.username];
        operate = (decisions) => {
          const grant = w.createGrant(clientId, decisions.username ?? this.userOf(grantType), scopes ?? this.s.scopes);
          return this.issueTokens(grant, decisions, grantType !== "client_credentials" && this.s.token.refreshToken, clientId);
        };
    }
    return this.remember(await this.server.handle({ requestType: "access_token", grantType, body: { ...body, ...params }, query: {}, clientId, principal, operate }));
  }

  /** Introspection, userinfo or revocation of a token value (null when the flow has no such token). */
  async about(requestType: "introspect" | "userinfo" | "revoke", value: string | null): Promise<IbmRunResult> {
    const w = this.server.world;
    const token = value === null ? null : w.findToken(value);
    return this.server.handle({
      requestType,
      grantType: null,
      body: { token: [value ?? ""], client_id: [this.clientId] },
      query: {},
      clientId: this.clientId,
      principal: token?.username ?? null,
      operate: () => {
        const active = w.isActive(token);
        const grant = token ? w.liveGrant(token.stateId) : null;
        if (requestType === "revoke") {
          if (token && active) {
            if (token.kind === "refresh_token") w.deleteGrant(token.stateId);
            else token.enabled = false;
          }
          return { status: 200, response: {}, grant, metadata: {}, tokens: [] };
        }
        if (requestType === "userinfo") {
          if (!active || token.kind !== "access_token") return { status: 401, response: { error: "invalid_token" }, grant, metadata: {}, tokens: [] };
          return { status: 200, response: { sub: token.username }, grant, metadata: {}, tokens: [] };
        }
        if (!active) return { status: 200, response: { active: false }, grant: null, metadata: {}, tokens: [] };
        return {
          status: 200,
          response: {
            active: true,
            scope: token.scope.join(" "),
            client_id: token.clientId,
            username: token.username,
            sub: token.username,
            token_type: token.kind === "refresh_token" ? "refresh_token" : "bearer",
            exp: Math.floor(token.expiresMs / 1000),
            iat: Math.floor(token.createdMs / 1000),
          },
          grant,
          metadata: {},
          tokens: [],
        };
      },
    });
  }
}

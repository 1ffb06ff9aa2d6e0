/**
 * An OAuth2 client's configuration as AM exports it: AM REST (`realm-config/agents/OAuth2Client/<id>`, values in
 * `{inherited, value}` wrappers), Amster (`metadata.entityType` "OAuth2Clients" around the same `data`), Frodo
 * (`frodo app export` / `frodo oauth client export`: `{ application | oauth2Client: { <id>: {…} } }`, plain values,
 * the provider's settings under `_provider`).
 */
import { contribution, isRecord, placeholder, type Contribution } from "./types";

const CLIENT_SECTIONS = ["coreOAuth2ClientConfig", "advancedOAuth2ClientConfig"];

/** AM REST wraps each setting as `{ inherited, value }`; Frodo and Amster may not. */
function unwrap(value: unknown): unknown {
  if (isRecord(value) && "value" in value && ("inherited" in value || Object.keys(value).length === 1)) return value.value;
  return value;
}

function setting(section: unknown, name: string): unknown {
  return isRecord(section) ? unwrap(section[name]) : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
}

function looksLikeClient(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && CLIENT_SECTIONS.some((s) => isRecord(value[s]));
}

/** Finds the client object and says which export format it came in, or null when this is not a client. */
function locate(json: unknown): { client: Record<string, unknown>; id: string | undefined; format: string; realm?: string } | null {
  if (!isRecord(json)) return null;
  const metadata = json.metadata;
  if (isRecord(metadata) && looksLikeClient(json.data)) {
    const realm = typeof metadata.realm === "string" ? metadata.realm : undefined;
    const id = typeof metadata.entityId === "string" ? metadata.entityId : (json.data._id as string | undefined);
    return { client: json.data, id, format: "Amster export", ...(realm ? { realm } : {}) };
  }
  for (const key of ["application", "oauth2Client", "oauth2Clients"]) {
    const group = json[key];
    if (isRecord(group)) {
      const entries = Object.entries(group).filter(([, v]) => looksLikeClient(v));
      if (entries.length > 0) {
        const [id, client] = entries[0] as [string, Record<string, unknown>];
        return { client, id: typeof client._id === "string" ? client._id : id, format: "Frodo export" };
      }
    }
  }
  if (looksLikeClient(json)) {
    return { client: json, id: typeof json._id === "string" ? json._id : undefined, format: "AM REST" };
  }
  return null;
}

/**
 * AM keeps custom properties as "key=value" lines; `name[key]=v` lines become a nested map and `name=[a, b]` a list,
 * as the access-token script's clientProperties binding presents them.
 */
export function parseCustomProperties(lines: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const line of lines) {
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const raw = line.slice(eq + 1).trim();
    const mapped = /^([^[\]]+)\[([^\]]*)\]$/.exec(key);
    if (mapped) {
      const inner = isRecord(out[mapped[1]]) ? (out[mapped[1]] as Record<string, unknown>) : {};
      inner[mapped[2]] = raw;
      out[mapped[1]] = inner;
    } else if (raw.startsWith("[") && raw.endsWith("]")) {
      out[key] = raw
        .slice(1, -1)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    } else {
      out[key] = raw;
    }
  }
  return { ...out };
}

/** AM lists scopes as "name" or "name|description". */
function scopeNames(values: string[]): string[] {
  return values.map((v) => v.split("|")[0]).filter(Boolean);
}

export function recogniseOAuth2Client(file: string, json: unknown): Contribution | null {
  const found = locate(json);
  if (!found) return null;
  const { client } = found;
  const out = contribution(file, `OAuth2 client (${found.format})`);
  const core = client.coreOAuth2ClientConfig;
  const advanced = client.advancedOAuth2ClientConfig;
  const scenarioClient: Record<string, unknown> = {};
  if (found.id) scenarioClient.clientId = found.id;
  const grants = strings(setting(advanced, "grantTypes"));
  if (grants) scenarioClient.allowedGrantTypes = grants;
  const responses = strings(setting(advanced, "responseTypes"));
  if (responses) scenarioClient.allowedResponseTypes = responses;
  const scopes = strings(setting(core, "scopes"));
  if (scopes) scenarioClient.allowedScopes = scopeNames(scopes);
  const redirects = strings(setting(core, "redirectionUris"));
  if (redirects) scenarioClient.redirectUris = redirects;
  const custom = strings(setting(advanced, "customProperties"));
  if (custom) scenarioClient.customProperties = parseCustomProperties(custom);
  out.scenario.client = scenarioClient;
  if (found.realm) out.scenario.realm = found.realm;

  for (const secretName of ["userpassword", "clientSecret", "client_secret"]) {
    if (isRecord(core) && core[secretName] !== undefined && core[secretName] !== null) {
      out.redactions.push({ file, place: `$.coreOAuth2ClientConfig.${secretName}`, placeholder: placeholder("client_secret") });
    }
  }

  // Token settings: the client's own when set (0 means "use the provider's"), else the exported provider's.
  const provider = isRecord(client._provider) ? client._provider : undefined;
  const providerCore = provider?.coreOAuth2Config;
  const overrides = isRecord(client.overrideOAuth2ClientConfig) ? client.overrideOAuth2ClientConfig : undefined;
  const overriding = setting(overrides, "providerOverridesEnabled") === true;
  const token: Record<string, unknown> = {};
  const lifetime = setting(core, "accessTokenLifetime");
  const providerLifetime = setting(providerCore, "accessTokenLifetime");
  const seconds = typeof lifetime === "number" && lifetime > 0 ? lifetime : providerLifetime;
  if (typeof seconds === "number" && seconds > 0) token.lifetimeSeconds = seconds;
  const refreshLifetime = setting(core, "refreshTokenLifetime");
  const providerRefresh = setting(providerCore, "refreshTokenLifetime");
  const refreshSeconds = typeof refreshLifetime === "number" && refreshLifetime > 0 ? refreshLifetime : providerRefresh;
  if (typeof refreshSeconds === "number" && refreshSeconds > 0) token.refreshLifetimeSeconds = refreshSeconds;
  const stateless = overriding ? setting(overrides, "statelessTokensEnabled") : setting(providerCore, "statelessTokensEnabled");
  if (typeof stateless === "boolean") token.storage = stateless ? "client-side" : "server-side";
  const issueRefresh = overriding ? setting(overrides, "issueRefreshToken") : setting(providerCore, "issueRefreshToken");
  if (typeof issueRefresh === "boolean") token.refreshToken = issueRefresh;
  const alg = setting(provider?.advancedOAuth2Config, "tokenSigningAlgorithm");
  if (alg === "HS256" || alg === "RS256" || alg === "ES256") token.signing = { alg };
  else if (typeof alg === "string") out.ignored.push(`token signing algorithm ${alg} (the playground signs with HS256, RS256 or ES256)`);
  if (Object.keys(token).length > 0) out.scenario.token = token;
  if (!provider) out.notes.push("the export has no provider settings (_provider): token storage and lifetime come from the client or the defaults");
  if (setting(overrides, "accessTokenModificationPluginType") === "SCRIPTED") {
    out.notes.push(`the client overrides the provider's access-token modification script (${String(setting(overrides, "accessTokenModificationScript"))})`);
  }
  return out;
}

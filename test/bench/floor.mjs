/**
 * The hand-rolled floor the engine is measured against: the same script in a fresh `node:vm` context whose
 * bindings are plain JS objects (no sandbox, no Java semantics, no JWT signing, no lint). Whatever the engine
 * costs above this is the price of isolation and fidelity. The bindings do the minimum a sample needs to
 * run to completion, so the work per run (token fields, extra data, logs, the response objects) is comparable.
 */
import vm from "node:vm";

function format(message, args) {
  let i = 0;
  return String(message).replace(/\{\}/g, () => (i < args.length ? String(args[i++]) : "{}"));
}

/** A java.util.Set/List look-alike made of plain functions. */
function javaCollection(values) {
  const items = [...values];
  return {
    size: () => items.length,
    isEmpty: () => items.length === 0,
    contains: (v) => items.includes(String(v)) || items.includes(v),
    toArray: () => items.slice(),
    get: (i) => items[i],
    add: (v) => (items.push(v), true),
    iterator() {
      let i = 0;
      return { hasNext: () => i < items.length, next: () => items[i++] };
    },
    toString: () => `[${items.join(", ")}]`,
  };
}

function javaMap(record) {
  const map = { ...record };
  map.get = (key) => {
    const v = record[key];
    return v && typeof v === "object" && !Array.isArray(v) ? javaMap(v) : (v ?? null);
  };
  map.containsKey = (key) => key in record;
  map.size = () => Object.keys(record).length;
  return map;
}

function promiseOf(value, failure) {
  const self = {
    get: () => {
      if (failure) throw failure;
      return value;
    },
    getOrThrow: () => self.get(),
    then(onResult, onError) {
      try {
        if (failure) return onError ? promiseOf(onError(failure)) : self;
        return promiseOf(onResult(value));
      } catch (e) {
        return promiseOf(undefined, e);
      }
    },
    thenCatch(onError) {
      return failure ? promiseOf(onError(failure)) : self;
    },
  };
  return self;
}

const STATUS_TEXT = { 200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable" };

/** Plain-object bindings for one run over a resolved scenario. */
export function floorBindings(scenario, evaluator) {
  const legacy = evaluator === "legacy";
  const clock = Date.parse(scenario.clock);
  const fields = {};
  const extraData = {};
  const logs = [];
  const http = [];
  const state = { expiry: clock + scenario.token.lifetimeSeconds * 1000, scopes: [...scenario.scopes] };
  const attributes = (identity) => (name) => identity.attributes?.[name] ?? (name === "_id" ? [identity.id] : []);
  const userAttributes = attributes(scenario.identity);

  const accessToken = {
    setField: (k, v) => void (fields[k] = v),
    getField: (k) => fields[k] ?? null,
    setFields: (o) => void Object.assign(fields, o),
    addExtraData: (k, v) => void (extraData[k] = typeof v === "function" ? v() : String(v)),
    addExtraJsonData: (k, v) => void (extraData[k] = v),
    setExpiryTime: (ms) => void (state.expiry = Number(ms)),
    getExpiryTime: () => state.expiry,
    getScope: () => (legacy ? javaCollection(state.scopes) : state.scopes.slice()),
    setScope: (s) => void (state.scopes = Array.isArray(s) ? s.map(String) : s.toArray().map(String)),
    getClientId: () => scenario.client?.clientId ?? null,
    getTokenId: () => "floor-token-id",
    getRealm: () => scenario.realm,
  };

  const log = (level) => (message, ...args) => void logs.push({ level, message: format(message, args) });
  const logger = legacy
    ? { message: log("debug"), warning: log("warn"), error: log("error"), messageEnabled: () => true }
    : { trace: () => {}, debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error"), isDebugEnabled: () => true };

  const groupIdentity = (g) => ({
    getName: () => g.id,
    getAttribute: (name) => javaCollection(g.attributes?.[name] ?? []),
  });
  const identity = legacy
    ? {
        getName: () => scenario.identity.username,
        getUniversalId: () => `id=${scenario.identity.username},ou=user,o=alpha,ou=services,ou=am-config`,
        getAttribute: (name) => javaCollection(userAttributes(name)),
        getMemberships: () => javaCollection((scenario.identity.groups ?? []).map(groupIdentity)),
        isExists: () => scenario.identity.exists,
      }
    : {
        getName: () => scenario.identity.username,
        getAttributeValues: (name) => userAttributes(name).slice(),
        setAttribute: () => {},
        store: () => {},
        exists: () => scenario.identity.exists,
      };

  const respond = (url, options) => {
    const mock = scenario.http.find((m) => (!m.request.url || m.request.url === url) && (!m.request.method || m.request.method === (options?.method ?? "GET")));
    if (!mock) {
      http.push({ method: options?.method ?? "GET", url, mock: null });
      return promiseOf(undefined, new Error(`No mock for ${url}`));
    }
    const r = mock.response;
    http.push({ method: options?.method ?? "GET", url, status: r.status, mock: scenario.http.indexOf(mock) });
    const body = r.body ?? (r.json === undefined ? "" : JSON.stringify(r.json));
    return promiseOf({
      status: r.status,
      statusText: r.statusText ?? STATUS_TEXT[r.status] ?? "",
      ok: r.status >= 200 && r.status < 300,
      headers: r.headers,
      json: () => JSON.parse(body),
      text: () => body,
    });
  };

  const openidmStore = structuredClone(scenario.openidm ?? {});
  const openidm = {
    read: (id) => {
      const [type, key] = [id.slice(0, id.lastIndexOf("/")), id.slice(id.lastIndexOf("/") + 1)];
      return openidmStore[type]?.[key] ?? { _id: key };
    },
    update: (id, rev, value) => value,
    patch: (id, rev, value) => value,
    create: (type, id, value) => value,
    query: () => ({ result: [] }),
  };

  const client = scenario.client;
  const clientProperties = client
    ? legacy
      ? javaMap({ clientId: client.clientId, allowedScopes: client.allowedScopes, customProperties: client.customProperties ?? {} })
      : { clientId: client.clientId, allowedScopes: client.allowedScopes, customProperties: client.customProperties ?? {} }
    : null;

  let seed = scenario.seed;
  const globals = {
    accessToken,
    identity,
    logger,
    scopes: legacy ? javaCollection(state.scopes) : state.scopes.slice(),
    clientProperties,
    requestProperties: { requestUri: scenario.request.uri ?? "", realm: scenario.realm, requestParams: scenario.request.params, requestHeaders: scenario.request.headers },
    httpClient: { send: (urlOrRequest, options) => respond(typeof urlOrRequest === "string" ? urlOrRequest : String(urlOrRequest.getUri?.() ?? ""), options) },
    openidm,
    systemEnv: { getProperty: (name, fallback) => scenario.systemEnv?.[name] ?? fallback ?? null },
    utils: {
      crypto: {
        getRandomValues: (array) => {
          for (let i = 0; i < array.length; i++) array[i] = (seed = (seed * 1103515245 + 12345) % 2147483648);
          return array;
        },
      },
    },
    realm: scenario.realm,
    scriptName: scenario.scriptName,
    session: null,
    JavaImporter: () => ({ IdType: { GROUP: "GROUP", USER: "USER" } }),
    com: { sun: { identity: { idm: { IdType: { GROUP: "GROUP", USER: "USER" } } } } },
  };

  const finish = () => ({
    ok: true,
    error: null,
    tokenResponse: { access_token: "floor-token-id", scope: state.scopes.join(" "), token_type: "Bearer", expires_in: Math.round((state.expiry - clock) / 1000) - 1, ...extraData },
    introspection: { active: true, scope: state.scopes.join(" "), client_id: client?.clientId, exp: Math.floor(state.expiry / 1000), ...fields },
    token: { after: { ...fields }, extraData: { ...extraData } },
    logs,
    http,
  });
  return { globals, finish };
}

/** One run in a fresh vm context; script errors come back as `error`, like the engine's. */
export function runFloor(script, scenario, evaluator = scenario.evaluator) {
  const { globals, finish } = floorBindings(scenario, evaluator);
  const context = vm.createContext(globals);
  try {
    vm.runInContext(script, context, { filename: "script.js", timeout: scenario.timeoutMs });
    return finish();
  } catch (e) {
    return { ok: false, error: { kind: "runtime", message: String(e?.message ?? e) }, logs: [] };
  }
}

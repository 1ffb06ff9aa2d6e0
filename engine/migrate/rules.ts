/**
 * One rule per documented difference between the legacy and the next-generation access-token bindings (AM's
 * migration guide, reference D-MIG; next-generation common bindings). Each rule looks at one node and proposes
 * edits with the reason the user reads; the driver applies them and runs the rules again on the result, so a
 * rule only has to know the shape it rewrites.
 */
import { fullAncestor } from "acorn-walk";
import type { RuleContext, ValueKind } from "./context";
import { child, children, dottedName, identifierName, methodCall, text, type N } from "./syntax";
import { collectGroupParameters, groupListKind, isIdmGroupList, membershipsRule, unresolvedGroupUse } from "./memberships";

export type { RuleContext, Unresolved, ValueKind } from "./context";

const WHY = {
  attributeValues: "Next-generation identity returns an attribute's values as a JS array (getAttributeValues); legacy getAttribute returned a java.util.Set.",
  alreadyArray: "The value is a JS array in next-generation scripts: toArray() is not needed (and does not exist).",
  firstValue: "A JS array's first value is [0]; arrays have no iterator().",
  listGet: "The value is a JS array in next-generation scripts (a java.util.List in legacy ones): read an element with [i], not get(i).",
  contains: "JS arrays and strings have indexOf, not contains().",
  size: "JS arrays have length, not size().",
  isEmpty: "JS arrays and strings have length, not isEmpty().",
  setText: "Java prints a Set as [a, b]; a JS array prints a,b. This keeps the text the legacy script produced.",
  stringLength: "The value is a JS string in next-generation scripts: length is a property, not a method.",
  equals: "The value is a JS string in next-generation scripts: compare with ===, not equals().",
  equalsIgnoreCase: "JS strings have no equalsIgnoreCase(): compare their lower-case forms.",
  logger: "The next-generation logger has SLF4J's level names: message → debug, warning → warn.",
  loggerEnabled: "The next-generation logger asks isDebugEnabled()/isWarnEnabled()/isErrorEnabled().",
  jsonValue: "Next-generation addExtraJsonData, addExtraData and setPermissions take plain objects, converted by AM; JsonValue is not needed.",
  supplier: "Next-generation addExtraData takes the value itself, not a function that supplies it.",
  javaList: "java.util collections are not reachable the same way in next-generation scripts; a JS array does the job.",
  javaMap: "A mutable java.util.Map cannot be constructed in next-generation scripts; a plain object does the job.",
  arraysAsList: "A JS array literal is the next-generation form of java.util.Arrays.asList(…).",
  chfRequest: "Next-generation httpClient.send(url, options) takes the URL and a plain options object instead of a CHF Request.",
  getOrThrow: "The next-generation httpClient promise answers get(), not getOrThrow().",
  status: "A next-generation response has a numeric status field instead of getStatus() / Status constants.",
  entityText: "A next-generation response reads its body with text() / json().",
  importer: "Nothing in the script uses the imported Java classes any more.",
  tokenMap: "In next-generation scripts getCustomFields(), toMap() and getTokenInfo() return plain objects: read a key with [key].",
  session: "Next-generation access-token scripts have no session binding in AIC's binding metadata (AM's docs list a ScriptedSession; reference §7.1), so this guard is false and the block never runs. Compare the runs with a session in the scenario to see what that changes.",
} as const;

const STATUS_CODES: Record<string, number> = {
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NO_CONTENT: 204,
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

/** Bindings and wrappers whose own methods keep their names in next-generation scripts. */
const KEEPS_ITS_METHODS = new Set(["accessToken", "identity", "httpClient", "logger", "clientProperties", "requestProperties", "utils", "openidm", "secrets", "systemEnv"]);

function isIdentityAttribute(node: N | undefined): boolean {
  const call = methodCall(node);
  return !!call && identifierName(call.receiver) === "identity" && (call.method === "getAttribute" || call.method === "getAttributeValues");
}

/** clientProperties keys whose value is a java.util.List in legacy scripts and a JS array in next-generation ones. */
const CLIENT_LIST_KEYS = new Set(["allowedGrantTypes", "allowedResponseTypes", "allowedScopes", "redirectUris"]);
/** requestProperties keys whose value maps each name to a java.util.List (legacy) or a JS array (next-generation). */
const REQUEST_LIST_MAPS = new Set(["requestParams", "requestHeaders"]);

/** The key of `receiver.get("key")` or `receiver.key` / `receiver["key"]`, when the receiver is the given binding. */
function readOf(node: N | undefined, binding: string): string | undefined {
  if (!node) return undefined;
  const call = methodCall(node);
  if (call && call.method === "get" && call.args.length === 1 && identifierName(call.receiver) === binding) return stringLiteral(call.args[0]);
  if (node.type === "MemberExpression" && identifierName(child(node, "object")) === binding) {
    const property = child(node, "property");
    return node.computed ? stringLiteral(property) : identifierName(property);
  }
  return undefined;
}

function stringLiteral(node: N | undefined): string | undefined {
  return node?.type === "Literal" && typeof node.value === "string" ? node.value : undefined;
}

/** requestProperties.get("requestParams"), or a variable holding it: a map whose values are lists. */
function isRequestListMap(node: N | undefined, ctx: RuleContext): boolean {
  const key = readOf(node, "requestProperties");
  if (key && REQUEST_LIST_MAPS.has(key)) return true;
  const name = identifierName(node);
  return !!name && ctx.vars.get(name)?.kind === "listMap";
}

/** A legacy java.util.Set or List that next-generation hands out as a JS array (or the array it already became). */
export function isCollection(node: N | undefined, ctx: RuleContext): boolean {
  if (!node) return false;
  if (isIdentityAttribute(node)) return true;
  if (isIdmGroupList(node, ctx)) return true;
  const name = identifierName(node);
  if (name === "scopes") return true;
  if (name && ctx.vars.get(name)?.kind === "collection") return true;
  const clientKey = readOf(node, "clientProperties");
  if (clientKey && CLIENT_LIST_KEYS.has(clientKey)) return true;
  const call = methodCall(node);
  if (call && call.method === "get" && call.args.length === 1 && isRequestListMap(call.receiver, ctx)) return true;
  if (node.type === "MemberExpression" && isRequestListMap(child(node, "object"), ctx)) return true;
  // getScope() is a java.util.Set and getAudience() a java.util.List in legacy scripts; both are arrays in next-generation ones.
  return !!call && identifierName(call.receiver) === "accessToken" && (call.method === "getScope" || call.method === "getAudience") && call.args.length === 0;
}

/** accessToken methods that hand back a java.util.Map in legacy and a plain object in next-generation scripts. */
const MAP_GETTERS = new Set(["getCustomFields", "toMap", "getTokenInfo"]);

function isTokenMap(node: N | undefined): boolean {
  const call = methodCall(node);
  return !!call && identifierName(call.receiver) === "accessToken" && MAP_GETTERS.has(call.method) && call.args.length === 0;
}

function kindOfInit(init: N | undefined, ctx: RuleContext): ValueKind | undefined {
  if (!init) return undefined;
  const groups = groupListKind(init, ctx);
  if (groups) return groups;
  if (isCollection(init, ctx)) return "collection";
  if (isRequestListMap(init, ctx)) return "listMap";
  if (isTokenMap(init)) return "javaMap";
  if (init.type === "NewExpression") {
    const name = dottedName(child(init, "callee")) ?? "";
    if (/(^|\.)Request$/.test(name)) return "chfRequest";
    if (/^java\.util\.(ArrayList|LinkedList|HashSet|LinkedHashSet|TreeSet)$/.test(name)) return "javaList";
    if (/^java\.util\.(HashMap|LinkedHashMap|TreeMap)$/.test(name)) return "javaMap";
  }
  const call = methodCall(init);
  if (call && (call.method === "get" || call.method === "getOrThrow")) {
    const send = methodCall(call.receiver);
    if (send && identifierName(send.receiver) === "httpClient" && send.method === "send") return "chfResponse";
  }
  return undefined;
}

/** The variables the rules track, from their declarations and plain assignments. */
export function collectVariables(program: N, ctx: RuleContext): void {
  fullAncestor(program, (node) => {
    const n = node as N;
    if (n.type === "VariableDeclarator") {
      const name = identifierName(child(n, "id"));
      const kind = kindOfInit(child(n, "init"), ctx);
      if (name && kind) ctx.vars.set(name, { kind, declarator: n });
    }
    collectGroupParameters(n, ctx);
  });
}

function needsParens(ancestors: N[]): boolean {
  const parent = ancestors[ancestors.length - 2];
  return !!parent && ["MemberExpression", "UnaryExpression", "BinaryExpression", "LogicalExpression", "ConditionalExpression", "CallExpression"].includes(parent.type)
    && !(parent.type === "CallExpression" && children(parent, "arguments").includes(ancestors[ancestors.length - 1]));
}

function wrap(textValue: string, ancestors: N[]): string {
  return needsParens(ancestors) ? `(${textValue})` : textValue;
}

function replace(ctx: RuleContext, node: N, replacement: string, why: string): void {
  ctx.edits.push({ start: node.start, end: node.end, text: replacement, why });
}

/** identity.getAttribute(n) → identity.getAttributeValues(n) */
function attributeValuesRule(node: N, ctx: RuleContext): void {
  const call = methodCall(node);
  if (call && identifierName(call.receiver) === "identity" && call.method === "getAttribute") {
    ctx.edits.push({ start: call.property.start, end: call.property.end, text: "getAttributeValues", why: WHY.attributeValues });
  }
}

/** The Set idioms around a collection: toArray(), iterator().next(), contains(), size(), isEmpty(), its text. */
function collectionIdiomRule(node: N, ancestors: N[], ctx: RuleContext): void {
  const call = methodCall(node);
  if (!call) return;
  const receiverText = text(ctx.source, call.receiver);
  if (isCollection(call.receiver, ctx)) {
    if (call.method === "toArray" && call.args.length === 0) return replace(ctx, node, receiverText, WHY.alreadyArray);
    if (call.method === "size" && call.args.length === 0) return replace(ctx, node, `${receiverText}.length`, WHY.size);
    if (call.method === "toString" && call.args.length === 0) return replace(ctx, node, wrap(`"[" + ${receiverText}.join(", ") + "]"`, ancestors), WHY.setText);
    // A java.util.Set has no get(int), so only a List (client and request values) reaches this in a working script.
    if (call.method === "get" && call.args.length === 1) return replace(ctx, node, `${receiverText}[${text(ctx.source, call.args[0])}]`, WHY.listGet);
  }
  if (call.method === "next" && call.args.length === 0) {
    const iterator = methodCall(call.receiver);
    if (iterator && iterator.method === "iterator" && isCollection(iterator.receiver, ctx)) {
      return replace(ctx, node, `${text(ctx.source, iterator.receiver)}[0]`, WHY.firstValue);
    }
  }
}

/** Methods JS strings and arrays answer differently: contains, isEmpty, length(), equals, equalsIgnoreCase. */
function stringAndArrayRule(node: N, ancestors: N[], ctx: RuleContext): void {
  const call = methodCall(node);
  if (!call) return;
  const receiverName = identifierName(call.receiver);
  if (receiverName && KEEPS_ITS_METHODS.has(receiverName)) return;
  const kind = receiverName ? ctx.vars.get(receiverName)?.kind : undefined;
  if (kind === "javaMap" || kind === "chfRequest" || kind === "chfResponse") return;
  const r = text(ctx.source, call.receiver);
  const a = call.args.map((arg) => text(ctx.source, arg));
  if (call.method === "contains" && a.length === 1) return replace(ctx, node, wrap(`${r}.indexOf(${a[0]}) !== -1`, ancestors), WHY.contains);
  if (call.method === "isEmpty" && a.length === 0) return replace(ctx, node, wrap(`${r}.length === 0`, ancestors), WHY.isEmpty);
  if (call.method === "length" && a.length === 0) return replace(ctx, node, `${r}.length`, WHY.stringLength);
  if (call.method === "equals" && a.length === 1) return replace(ctx, node, wrap(`${r} === ${a[0]}`, ancestors), WHY.equals);
  if (call.method === "equalsIgnoreCase" && a.length === 1) {
    return replace(ctx, node, wrap(`String(${r}).toLowerCase() === String(${a[0]}).toLowerCase()`, ancestors), WHY.equalsIgnoreCase);
  }
}

/** A collection in string context ("x" + set, String(set)) printed as Java printed it. */
function collectionTextRule(node: N, ancestors: N[], ctx: RuleContext): void {
  if (node.type === "BinaryExpression" && node.operator === "+") {
    for (const side of ["left", "right"]) {
      const operand = child(node, side);
      if (operand && isCollection(operand, ctx) && !methodCall(operand)?.method.startsWith("to")) {
        const other = child(node, side === "left" ? "right" : "left");
        if (other && (other.type === "Literal" || other.type === "TemplateLiteral" || other.type === "BinaryExpression")) {
          replace(ctx, operand, `("[" + ${text(ctx.source, operand)}.join(", ") + "]")`, WHY.setText);
        }
      }
    }
  }
  if (node.type === "CallExpression" && identifierName(child(node, "callee")) === "String") {
    const [arg] = children(node, "arguments");
    if (arg && isCollection(arg, ctx)) replace(ctx, node, wrap(`"[" + ${text(ctx.source, arg)}.join(", ") + "]"`, ancestors), WHY.setText);
  }
}

/** logger.message/warning → debug/warn; the …Enabled() checks. */
function loggerRule(node: N, ctx: RuleContext): void {
  const call = methodCall(node);
  if (!call || identifierName(call.receiver) !== "logger") return;
  const renames: Record<string, [string, string]> = {
    message: ["debug", WHY.logger],
    warning: ["warn", WHY.logger],
    messageEnabled: ["isDebugEnabled", WHY.loggerEnabled],
    warningEnabled: ["isWarnEnabled", WHY.loggerEnabled],
    errorEnabled: ["isErrorEnabled", WHY.loggerEnabled],
  };
  const rename = renames[call.method];
  if (rename) ctx.edits.push({ start: call.property.start, end: call.property.end, text: rename[0], why: rename[1] });
}

/** JsonValue.json(x) → x, JsonValue.object(field(k, v)…) → { k: v }, JsonValue.array(…) → […]; supplier functions. */
function jsonValueRule(node: N, ctx: RuleContext): void {
  const call = methodCall(node);
  if (!call) return;
  const owner = dottedName(call.receiver) ?? "";
  if (owner === "JsonValue" || owner.endsWith(".JsonValue")) {
    const a = call.args.map((arg) => text(ctx.source, arg));
    if (call.method === "json" && a.length === 1) return replace(ctx, node, a[0], WHY.jsonValue);
    if (call.method === "array") return replace(ctx, node, `[${a.join(", ")}]`, WHY.jsonValue);
    if (call.method === "object") {
      const fields = call.args.map((f) => {
        const field = methodCall(f);
        return field?.method === "field" && field.args.length === 2 ? `${text(ctx.source, field.args[0])}: ${text(ctx.source, field.args[1])}` : null;
      });
      if (fields.every((f) => f !== null)) return replace(ctx, node, `{ ${fields.join(", ")} }`, WHY.jsonValue);
    }
  }
  if (identifierName(call.receiver) === "accessToken" && call.method === "addExtraData" && call.args.length === 2) {
    const supplier = call.args[1];
    if (supplier.type === "FunctionExpression" || supplier.type === "ArrowFunctionExpression") {
      replace(ctx, supplier, `(${text(ctx.source, supplier)})()`, WHY.supplier);
    }
  }
}

/** java.util collections → arrays and objects, with their methods. */
function javaCollectionRule(node: N, ancestors: N[], ctx: RuleContext): void {
  if (node.type === "NewExpression") {
    const name = dottedName(child(node, "callee")) ?? "";
    const args = children(node, "arguments");
    if (/^java\.util\.(ArrayList|LinkedList|HashSet|LinkedHashSet|TreeSet)$/.test(name)) {
      const from = args[0] ? text(ctx.source, args[0]) : "";
      return replace(ctx, node, from ? `[].concat(${from})` : "[]", WHY.javaList);
    }
    if (/^java\.util\.(HashMap|LinkedHashMap|TreeMap)$/.test(name) && args.length === 0) return replace(ctx, node, "{}", WHY.javaMap);
  }
  const call = methodCall(node);
  if (!call) return;
  if (dottedName(call.receiver) === "java.util.Arrays" && call.method === "asList") {
    return replace(ctx, node, `[${call.args.map((a) => text(ctx.source, a)).join(", ")}]`, WHY.arraysAsList);
  }
  const a = call.args.map((arg) => text(ctx.source, arg));
  if (isTokenMap(call.receiver)) {
    const map = text(ctx.source, call.receiver);
    if (call.method === "get" && a.length === 1) return replace(ctx, node, `${map}[${a[0]}]`, WHY.tokenMap);
    if (call.method === "containsKey" && a.length === 1) return replace(ctx, node, wrap(`${a[0]} in ${map}`, ancestors), WHY.tokenMap);
    if (call.method === "keySet" && a.length === 0) return replace(ctx, node, `Object.keys(${map})`, WHY.tokenMap);
  }
  const name = identifierName(call.receiver);
  const kind = name ? ctx.vars.get(name)?.kind : undefined;
  if (kind === "javaList") {
    if (call.method === "add" && a.length === 1) return replace(ctx, node, `${name}.push(${a[0]})`, WHY.javaList);
    if (call.method === "get" && a.length === 1) return replace(ctx, node, `${name}[${a[0]}]`, WHY.javaList);
    if (call.method === "size" && a.length === 0) return replace(ctx, node, `${name}.length`, WHY.javaList);
  }
  if (kind === "javaMap") {
    if (call.method === "put" && a.length === 2) return replace(ctx, node, wrap(`${name}[${a[0]}] = ${a[1]}`, ancestors), WHY.javaMap);
    if (call.method === "get" && a.length === 1) return replace(ctx, node, `${name}[${a[0]}]`, WHY.javaMap);
    if (call.method === "containsKey" && a.length === 1) return replace(ctx, node, wrap(`${a[0]} in ${name}`, ancestors), WHY.javaMap);
  }
}

/** Response accessors and Status constants of a CHF response. */
function chfResponseRule(node: N, ctx: RuleContext): void {
  const name = dottedName(node);
  const status = name && /(^|\.)Status\.([A-Z_]+)$/.exec(name);
  if (status && STATUS_CODES[status[2]] !== undefined && (name === `Status.${status[2]}` || name.startsWith("org.forgerock.http.protocol."))) {
    return replace(ctx, node, String(STATUS_CODES[status[2]]), WHY.status);
  }
  const call = methodCall(node);
  if (!call) return;
  if (call.method === "getOrThrow" && call.args.length === 0) {
    const send = methodCall(call.receiver);
    if (send && identifierName(send.receiver) === "httpClient") {
      ctx.edits.push({ start: call.property.start, end: call.property.end, text: "get", why: WHY.getOrThrow });
      return;
    }
  }
  const inner = methodCall(call.receiver);
  const responseName = identifierName(inner?.receiver ?? call.receiver);
  if (!responseName || ctx.vars.get(responseName)?.kind !== "chfResponse") return;
  if (inner?.method === "getStatus" && call.method === "getCode") return replace(ctx, node, `${responseName}.status`, WHY.status);
  if (inner?.method === "getEntity" && call.method === "getString") return replace(ctx, node, `${responseName}.text()`, WHY.entityText);
  if (inner?.method === "getEntity" && call.method === "getJson") return replace(ctx, node, `${responseName}.json()`, WHY.entityText);
  if (!inner && call.method === "getStatus" && call.args.length === 0) return replace(ctx, node, `${responseName}.status`, WHY.status);
}

/** A CHF Request built with setters and sent with httpClient.send(request) → httpClient.send(url, options). */
export function chfRequestRule(ctx: RuleContext, program: N): void {
  for (const [name, { kind, declarator }] of ctx.vars) {
    if (kind !== "chfRequest") continue;
    const setters: { statement: N; method: string; args: N[] }[] = [];
    let send: N | undefined;
    let otherUse = false;
    fullAncestor(program, (node, _state, ancestors) => {
      const n = node as N;
      if (identifierName(n) !== name || n === child(declarator, "id")) return;
      // fullAncestor's list ends with the node itself: [… statement, call, member, identifier].
      const parents = ancestors as N[];
      const at = (back: number) => parents[parents.length - 1 - back];
      const member = at(1);
      if (member?.type === "MemberExpression" && at(2)?.type === "CallExpression" && at(3)?.type === "ExpressionStatement") {
        const call = methodCall(at(2));
        if (call && ["setUri", "setMethod", "setEntity"].includes(call.method)) return void setters.push({ statement: at(3), method: call.method, args: call.args });
      }
      if (member?.type === "MemberExpression" && methodCall(at(2))?.method === "getHeaders" && at(5)?.type === "ExpressionStatement") {
        const add = methodCall(at(4));
        if (add && (add.method === "add" || add.method === "put") && add.args.length === 2) {
          return void setters.push({ statement: at(5), method: "header", args: add.args });
        }
      }
      const call = methodCall(member);
      if (member?.type === "CallExpression" && call && identifierName(call.receiver) === "httpClient" && call.method === "send") return void (send = member);
      otherUse = true;
    });
    if (!send || otherUse) continue;
    const part = (method: string) => setters.find((s) => s.method === method)?.args[0];
    const uri = part("setUri");
    if (!uri) continue;
    const options: string[] = [];
    const method = part("setMethod");
    if (method) options.push(`method: ${text(ctx.source, method)}`);
    const headers = setters.filter((s) => s.method === "header").map((s) => `${text(ctx.source, s.args[0])}: ${text(ctx.source, s.args[1])}`);
    if (headers.length) options.push(`headers: { ${headers.join(", ")} }`);
    const body = part("setEntity");
    if (body) options.push(`body: ${text(ctx.source, body)}`);
    const group = `chf-${name}`;
    ctx.edits.push({
      start: send.start,
      end: send.end,
      text: `httpClient.send(${text(ctx.source, uri)}${options.length ? `, { ${options.join(", ")} }` : ""})`,
      why: WHY.chfRequest,
      group,
    });
    for (const s of setters) ctx.edits.push({ ...lineRange(ctx.source, s.statement), text: "", why: WHY.chfRequest, group });
    const declaration = enclosingDeclaration(program, declarator);
    if (declaration) ctx.edits.push({ ...lineRange(ctx.source, declaration), text: "", why: WHY.chfRequest, group });
  }
}

/** A statement's range widened to its whole line(s) when nothing else is on them, so removing it leaves no blank line. */
function lineRange(source: string, node: N): { start: number; end: number } {
  let start = node.start;
  const end = node.end;
  while (start > 0 && (source[start - 1] === " " || source[start - 1] === "\t")) start--;
  const atLineStart = start === 0 || source[start - 1] === "\n";
  let after = end;
  while (after < source.length && (source[after] === " " || source[after] === "\t")) after++;
  if (atLineStart && (source[after] === "\n" || after === source.length)) return { start, end: Math.min(after + 1, source.length) };
  return { start: node.start, end: node.end };
}

function enclosingDeclaration(program: N, declarator: N): N | undefined {
  let found: N | undefined;
  fullAncestor(program, (node) => {
    const n = node as N;
    if (n.type === "VariableDeclaration" && children(n, "declarations").length === 1 && children(n, "declarations")[0] === declarator) found = n;
  });
  return found;
}

/** `var fr = JavaImporter(…)` that nothing uses any more, and importPackage/importClass calls. */
export function importerRule(ctx: RuleContext, program: N): void {
  const uses = new Map<string, number>();
  const importers: { name: string; declaration: N }[] = [];
  fullAncestor(program, (node, _s, ancestors) => {
    const n = node as N;
    if (n.type === "VariableDeclaration") {
      const [decl] = children(n, "declarations");
      const init = decl ? child(decl, "init") : undefined;
      if (children(n, "declarations").length === 1 && init?.type === "CallExpression" && identifierName(child(init, "callee")) === "JavaImporter") {
        const name = identifierName(child(decl, "id"));
        if (name) importers.push({ name, declaration: n });
      }
    }
    const name = identifierName(n);
    if (name) {
      const parent = (ancestors as N[])[ancestors.length - 2];
      if (!(parent?.type === "VariableDeclarator" && child(parent, "id") === n)) uses.set(name, (uses.get(name) ?? 0) + 1);
    }
  });
  for (const { name, declaration } of importers) {
    if (!uses.get(name)) ctx.edits.push({ ...lineRange(ctx.source, declaration), text: "", why: WHY.importer });
  }
}

/** `session` does not exist in next-generation access-token scripts: a guard on it becomes false. */
function sessionRule(node: N, ancestors: N[], ctx: RuleContext): void {
  if (identifierName(node) !== "session") return;
  const parent = ancestors[ancestors.length - 2];
  if (parent?.type === "MemberExpression" && child(parent, "property") === node && !parent.computed) return;
  if (parent?.type === "UnaryExpression" && parent.operator === "typeof") return;
  const test = parent && (parent.type === "IfStatement" || parent.type === "ConditionalExpression" || parent.type === "LogicalExpression") && child(parent, parent.type === "LogicalExpression" ? "left" : "test") === node;
  if (test) {
    const guard = `typeof session !== "undefined" && session`;
    replace(ctx, node, parent.type === "IfStatement" ? guard : `(${guard})`, WHY.session);
    ctx.unresolved.push({ start: node.start, message: WHY.session });
  } else if (!ancestors.some((a) => a.type === "IfStatement" && /\bsession\b/.test(text(ctx.source, child(a, "test") as N)))) {
    ctx.unresolved.push({ start: node.start, message: "session has no next-generation equivalent in access-token scripts: this line fails with a ReferenceError there unless it is guarded." });
  }
}

/** What the rewrite cannot translate: reported with its line, never silently left to fail. */
function unresolvedRule(node: N, ancestors: N[], ctx: RuleContext): void {
  const call = methodCall(node);
  if (call && identifierName(call.receiver) === "identity" && ["getMemberships", "getAttributes", "setAttributes", "isMember"].includes(call.method)) {
    const hint =
      call.method === "getMemberships" || call.method === "isMember"
        ? "next-generation identity has no membership methods: group memberships (IdType.GROUP) are rewritten to the user's IDM groups relationship; for other types read the DNs with identity.getAttributeValues('isMemberOf') or query IDM with openidm"
        : call.method === "setAttributes"
          ? "use identity.setAttribute(name, [values]) for each attribute, then identity.store()"
          : "read each attribute with identity.getAttributeValues(name)";
    ctx.unresolved.push({ start: node.start, message: `identity.${call.method}(): ${hint}.` });
  }
  const name = dottedName(node);
  const parent = ancestors[ancestors.length - 2];
  const outermost = !(parent?.type === "MemberExpression" && child(parent, "object") === node);
  if (name && outermost && /^(java|javax|org|com)\.[a-z]/.test(name) && node.type === "MemberExpression") {
    ctx.unresolved.push({ start: node.start, message: `${name}: Java classes are not reachable the same way in next-generation scripts.` });
  }
  if (identifierName(node) === "require" && !isPropertyName(node, ancestors)) {
    ctx.unresolved.push({
      start: node.start,
      message: 'require: legacy access-token scripts have no require (AM: ReferenceError: "require" is not defined; typeof require is "undefined"), next-generation ones load library scripts with it, so this line answers differently there.',
    });
  }
  if (node.type === "CallExpression" && ["importPackage", "importClass"].includes(identifierName(child(node, "callee")) ?? "")) {
    ctx.unresolved.push({ start: node.start, message: `${identifierName(child(node, "callee"))}: next-generation scripts have no Java imports.` });
  }
}

/** `x.require` or `{ require: … }`: a property name, not the binding. */
function isPropertyName(node: N, ancestors: N[]): boolean {
  const parent = ancestors[ancestors.length - 2];
  if (parent?.type === "MemberExpression") return child(parent, "property") === node && !parent.computed;
  return parent?.type === "Property" && child(parent, "key") === node && !parent.computed;
}

/** Runs every node rule once over the tree. */
export function runNodeRules(program: N, ctx: RuleContext): void {
  fullAncestor(program, (node, _state, ancestors) => {
    const n = node as N;
    const a = ancestors as N[];
    attributeValuesRule(n, ctx);
    collectionIdiomRule(n, a, ctx);
    collectionTextRule(n, a, ctx);
    stringAndArrayRule(n, a, ctx);
    loggerRule(n, ctx);
    jsonValueRule(n, ctx);
    javaCollectionRule(n, a, ctx);
    chfResponseRule(n, ctx);
    sessionRule(n, a, ctx);
    membershipsRule(n, ctx);
  });
}

export function runUnresolvedRules(program: N, ctx: RuleContext): void {
  const seen = new Set<number>();
  fullAncestor(program, (node, _state, ancestors) => {
    const n = node as N;
    const before = ctx.unresolved.length;
    unresolvedRule(n, ancestors as N[], ctx);
    unresolvedGroupUse(n, ctx);
    // A dotted Java name is reported once, at its outermost member expression.
    for (const u of ctx.unresolved.splice(before)) {
      if (!seen.has(u.start)) {
        seen.add(u.start);
        ctx.unresolved.push(u);
      }
    }
  });
}

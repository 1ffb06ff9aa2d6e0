/**
 * Static checks of a classic IBM mapping rule, shown before a run: what makes the rule fail or silently do
 * nothing on the appliance (and in the playground, which runs it the same way). A utility class used without
 * importClass/importPackage (ReferenceError), an AM binding or an IVIA OIDC Provider object in a classic
 * rule (not defined), a method IBM's classes do not have or the playground does not emulate (TypeError), an
 * attribute type nothing routes (the value reaches no response), and stage mistakes IBM documents: no
 * state_id in the pre-token rule, ID-token claims added after the ID token exists (post-token).
 */
import { parse } from "acorn";
import { simpleWalk } from "../../dialect/walk";
import { javaValueWarnings, type JavaSurface } from "../../dialect/java-values";
import type { RunWarning } from "../../result";
import { ownValue } from "../../util/own-keys";
import { IBM_ATTRIBUTE_TYPE_DOCS, ibmDeclaredMethods } from "./declarations";
import type { RuleStage } from "./rule";

type Node = { type: string; loc?: { start: { line: number } } } & Record<string, any>;

const UUSER = "com.tivoli.am.fim.trustserver.sts.uuser";
const UTILITIES = "com.tivoli.am.fim.trustserver.sts.utilities";

/** The classes a rule reaches by short name only after importing them, with their packages. */
const IMPORTABLE: Record<string, string> = {
  Attribute: UUSER,
  STSUniversalUser: UUSER,
  OAuthMappingExtUtils: UTILITIES,
  IDMappingExtUtils: UTILITIES,
};

/** IBM classes its published rules import that the playground does not emulate (reference §C.4). */
const NOT_EMULATED_CLASSES: Record<string, string> = {
  LocalSTSClient: "STS chains (JWT access tokens through LocalSTSClient.doRequest)",
  HttpClient: "outbound HTTP calls (HttpClient.httpGet/httpPost)",
  MMFAMappingExtUtils: "MMFA authenticator registration",
  UserLookupHelper: "user registry look-ups",
};

/** Methods IBM documents (reference §C.4) that the playground does not emulate. */
const NOT_EMULATED_METHODS: Record<string, string[]> = {
  OAuthMappingExtUtilsClass: ["updateToken", "getClient", "extractIssuer", "createTokenElement", "parseSTSUUToJson", "storeJwtActor"],
  IDMappingExtUtilsClass: ["extractBinarySecurityToken"],
};

/** AM's access-token-modification bindings, and what a classic IBM rule uses instead. */
const AM_BINDINGS: Record<string, string> = {
  accessToken: 'the response is what the context\'s "urn:ibm:names:ITFIM:oauth:response:attribute" attributes say: stsuu.addContextAttribute(new Attribute(name, "urn:ibm:names:ITFIM:oauth:response:attribute", value))',
  identity: "the user's attributes are in stsuu.getAttributeContainer() (at /authorize) and the principal in stsuu.getPrincipalName()",
  scopes: 'the scope is a request parameter (stsuu.getContextAttributes().getAttributeValuesByName("scope")) and a response attribute',
  session: "only /authorize sees the user's session, as credential attributes in stsuu.getAttributeContainer()",
  clientProperties: "the client is oauth_client (getClientId(), isConfidential(), getExtendedData())",
  requestProperties: "the request's parameters are stsuu context attributes (urn:ibm:names:ITFIM:oauth:body:param / query:param)",
  logger: "IDMappingExtUtils.traceString(message) writes to the trace log",
  httpClient: "the playground does not emulate IBM's HttpClient",
  openidm: "IBM has no IDM binding",
  secrets: "IBM has no secrets binding",
  utils: "IBM has no utils binding",
  systemEnv: "IBM has no systemEnv binding",
  scriptName: "IBM has no scriptName binding",
};

/** The IVIA OIDC Provider's (container) output objects: not defined in the classic appliance (reference §C.1). */
const CONTAINER_OBJECTS = ["claims", "idtokenData", "tokenData", "headersOverride"];

/** IBM-documented attribute types the playground does not act on (reference §C.3). */
const DOCUMENTED_UNROUTED: Record<string, string> = {
  "urn:ibm:names:ITFIM::oauth:save": "IBM's default post rule stages attributes to save with it",
  "urn:ibm:names:ITFIM:oauth:rule:userinfo": "JWT userinfo (userinfo, is_userinfo_jwt)",
};

/** What an expression is, when the lint can tell: an interface of declarations.ts. */
const RECEIVERS: Record<string, string> = {
  stsuu: "STSUniversalUser",
  oauth_client: "OAuth20Client",
  OAuthMappingExtUtils: "OAuthMappingExtUtilsClass",
  IDMappingExtUtils: "IDMappingExtUtilsClass",
};
const RETURNS: Record<string, string> = {
  getContextAttributes: "AttributeContainer",
  getAttributeContainer: "AttributeContainer",
  getPrincipalAttributes: "AttributeContainer",
  getIDMappingExtCache: "IDMappingExtCache",
};
/** What every Java object has (java.lang.Object) besides its class's own methods. */
const OBJECT_METHODS = new Set(["toString", "valueOf", "equals", "hashCode", "getClass"]);

function dotted(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.type === "Identifier") return String(node.name);
  if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
    const left = dotted(node.object);
    return left === null ? null : `${left}.${String(node.property.name)}`;
  }
  return null;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length];
}

/** The nearest of `names` to `name`, when it is close enough to be a typo. */
function nearest(name: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let distance = Infinity;
  for (const candidate of names) {
    const d = levenshtein(name, candidate);
    if (d < distance) {
      best = candidate;
      distance = d;
    }
  }
  return best !== null && distance <= Math.max(2, Math.floor(name.length / 5)) ? best : null;
}

interface Scan {
  references: { name: string; line: number }[];
  assigned: Set<string>;
  /** Names assigned exactly once, to a string literal (RESPONSE = "urn:…"). */
  stringConstants: Map<string, string>;
  /** Names assigned exactly once, with that one value (var ctx = stsuu.getContextAttributes()). */
  singleValues: Map<string, Node>;
  imports: { kind: "importClass" | "importPackage"; target: string | null; line: number }[];
  calls: Node[];
  constructions: Node[];
  dynamicScope: boolean;
}

function scan(source: string): Scan | null {
  let ast;
  try {
    ast = parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true, allowReserved: true });
  } catch {
    return null;
  }
  const out: Scan = { references: [], assigned: new Set(), stringConstants: new Map(), singleValues: new Map(), imports: [], calls: [], constructions: [], dynamicScope: false };
  const assignments = new Map<string, (Node | null)[]>();
  const noteAssignment = (name: string, value: Node | null | undefined) => {
    const list = assignments.get(name) ?? [];
    list.push(value ?? null);
    assignments.set(name, list);
  };
  simpleWalk(ast, {
    Identifier(node) {
      out.references.push({ name: String(node.name), line: (node as Node).loc?.start.line ?? 0 });
    },
    VariablePattern(node) {
      out.assigned.add(String(node.name));
    },
    VariableDeclarator(node) {
      const n = node as Node;
      if (n.id.type === "Identifier") noteAssignment(String(n.id.name), n.init);
    },
    AssignmentExpression(node) {
      const n = node as Node;
      if (n.left.type === "Identifier") noteAssignment(String(n.left.name), n.operator === "=" ? n.right : null);
    },
    WithStatement() {
      out.dynamicScope = true;
    },
    NewExpression(node) {
      out.constructions.push(node as Node);
    },
    CallExpression(node) {
      const n = node as Node;
      out.calls.push(n);
      if (n.callee.type === "Identifier" && (n.callee.name === "importClass" || n.callee.name === "importPackage")) {
        for (const arg of n.arguments as Node[]) out.imports.push({ kind: n.callee.name, target: dotted(arg), line: n.loc?.start.line ?? 0 });
      }
    },
  });
  for (const [name, values] of assignments) {
    const value = values.length === 1 ? values[0] : null;
    if (!value) continue;
    out.singleValues.set(name, value);
    if (value.type === "Literal" && typeof value.value === "string") out.stringConstants.set(name, value.value);
  }
  return out;
}

/** The imported class or package, without Rhino's `Packages.` prefix. */
function javaName(target: string): string {
  return target.startsWith("Packages.") ? target.slice("Packages.".length) : target;
}

function notImported(s: Scan): RunWarning[] {
  // A with(new JavaImporter(…)) block or an import the lint cannot read could bring any name in: say nothing.
  if (s.dynamicScope || s.imports.some((i) => i.target === null)) return [];
  const classes = new Set(s.imports.filter((i) => i.kind === "importClass").map((i) => javaName(i.target!)));
  const packages = new Set(s.imports.filter((i) => i.kind === "importPackage").map((i) => javaName(i.target!)));
  const warnings: RunWarning[] = [];
  const seen = new Set<string>();
  for (const ref of s.references) {
    const pkg = ownValue(IMPORTABLE, ref.name);
    if (!pkg || seen.has(ref.name) || s.assigned.has(ref.name)) continue;
    seen.add(ref.name);
    if (classes.has(`${pkg}.${ref.name}`) || packages.has(pkg)) continue;
    warnings.push({
      code: "ibm-not-imported",
      message: `${ref.name} is used but never imported: a classic mapping rule reaches it only after importClass(Packages.${pkg}.${ref.name}) or importPackage(Packages.${pkg}); without it the rule fails with ReferenceError: "${ref.name}" is not defined.`,
      line: ref.line,
    });
  }
  for (const i of s.imports) {
    const short = javaName(i.target!).split(".").pop()!;
    const what = ownValue(NOT_EMULATED_CLASSES, short);
    if (i.kind === "importClass" && what) {
      warnings.push({ code: "ibm-not-emulated", message: `${short} (${what}) is an IBM class the playground does not emulate: calls of it fail here, though they may work on the appliance.`, line: i.line });
    }
  }
  return warnings;
}

function otherProductGlobals(s: Scan): RunWarning[] {
  const warnings: RunWarning[] = [];
  const seen = new Set<string>();
  for (const ref of s.references) {
    if (seen.has(ref.name) || s.assigned.has(ref.name)) continue;
    const am = ownValue(AM_BINDINGS, ref.name);
    if (am) {
      seen.add(ref.name);
      warnings.push({ code: "wrong-product-api", message: `${ref.name} is an AM binding; an IBM mapping rule has none (ReferenceError: "${ref.name}" is not defined): ${am}.`, line: ref.line });
    } else if (CONTAINER_OBJECTS.includes(ref.name)) {
      seen.add(ref.name);
      warnings.push({
        code: "wrong-product-api",
        message: `${ref.name} is an object of the IVIA OIDC Provider (the container's isvaop_* rules); the classic appliance's rules have no such global: write outputs as stsuu attributes (reference §C.1, §C.3).`,
        line: ref.line,
      });
    }
  }
  return warnings;
}

/** The interface of declarations.ts a call's receiver is, when the lint can tell. */
function receiverOf(node: Node, s: Scan, depth = 0): string | null {
  // Aliases are followed a few names deep only: a generated chain of them must not exhaust the host stack.
  if (depth > 16) return null;
  if (node.type === "Identifier") {
    const name = String(node.name);
    if (!s.assigned.has(name)) return ownValue(RECEIVERS, name) ?? null;
    const value = s.singleValues.get(name);
    return value ? receiverOf(value, s, depth + 1) : null;
  }
  if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed && node.callee.property.type === "Identifier") {
    const inner = receiverOf(node.callee.object as Node, s, depth + 1);
    return inner ? (ownValue(RETURNS, String(node.callee.property.name)) ?? null) : null;
  }
  return null;
}

const SHOWN_NAME: Record<string, string> = { OAuthMappingExtUtilsClass: "OAuthMappingExtUtils", IDMappingExtUtilsClass: "IDMappingExtUtils", OAuth20Client: "oauth_client" };

function unknownMethods(s: Scan): RunWarning[] {
  const warnings: RunWarning[] = [];
  for (const call of s.calls) {
    const callee = call.callee as Node;
    if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") continue;
    const iface = receiverOf(callee.object as Node, s);
    if (!iface) continue;
    const method = String(callee.property.name);
    const declared = ibmDeclaredMethods(iface);
    if (declared.includes(method) || OBJECT_METHODS.has(method)) continue;
    const shown = SHOWN_NAME[iface] ?? iface;
    const line = call.loc?.start.line ?? 0;
    if ((NOT_EMULATED_METHODS[iface] ?? []).includes(method)) {
      warnings.push({ code: "ibm-not-emulated", message: `${shown}.${method}() is documented by IBM (reference §C.4) but the playground does not emulate it: the run fails here with TypeError: Cannot find function ${method}.`, line });
      continue;
    }
    const near = nearest(method, declared);
    warnings.push({
      code: "ibm-unknown-method",
      message: `${shown} has no method ${method}()${near ? `; did you mean ${near}()?` : ""} The rule fails here with TypeError: Cannot find function ${method}.`,
      line,
    });
  }
  return warnings;
}

function stringArg(node: Node | undefined, s: Scan): string | null {
  if (!node) return null;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "Identifier") return s.stringConstants.get(String(node.name)) ?? null;
  return null;
}

const BY_TYPE = new Set(["getAttributeValueByNameAndType", "getAttributeValuesByNameAndType", "getAttributeByNameAndType", "removeAttributeByNameAndType"]);
const BY_NAME = new Set(["getAttributeValueByName", "getAttributeValuesByName", "getAttributeByName", ...BY_TYPE]);

function typeWarning(type: string, line: number, reading: boolean): RunWarning | null {
  if (!type.startsWith("urn:ibm:") || ownValue(IBM_ATTRIBUTE_TYPE_DOCS, type)) return null;
  const documented = ownValue(DOCUMENTED_UNROUTED, type);
  if (documented) return { code: "ibm-attribute-type", message: `"${type}" is an IBM attribute type (${documented}) the playground does not act on.`, line };
  const near = nearest(type, Object.keys(IBM_ATTRIBUTE_TYPE_DOCS));
  return {
    code: "ibm-attribute-type",
    message: `"${type}" is not an attribute type IBM documents${near ? ` (did you mean "${near}"?)` : ""}: ${reading ? "nothing has this type, so the read gives null" : "nothing routes it, so the attribute reaches no response and no token"}.`,
    line,
  };
}

function attributeTypes(s: Scan, stage: RuleStage | undefined): RunWarning[] {
  const warnings: RunWarning[] = [];
  for (const n of s.constructions) {
    if (n.callee.type !== "Identifier" || n.callee.name !== "Attribute") continue;
    const line = n.loc?.start.line ?? 0;
    const type = stringArg((n.arguments as Node[])[1], s);
    if (type === null) continue;
    const w = typeWarning(type, line, false);
    if (w) warnings.push(w);
    if (type === "urn:ibm:jwt:claim" && stage === "post-token") {
      warnings.push({
        code: "ibm-claim-after-id-token",
        message: "An urn:ibm:jwt:claim attribute added in the post-token rule comes after the ID token was made: ID-token claims belong in the pre-token rule (IBM's default pre-token rule customizes the ID token).",
        line,
      });
    }
  }
  for (const call of s.calls) {
    const callee = call.callee as Node;
    if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") continue;
    const method = String(callee.property.name);
    if (!BY_NAME.has(method)) continue;
    const line = call.loc?.start.line ?? 0;
    if (BY_TYPE.has(method)) {
      const type = stringArg((call.arguments as Node[])[1], s);
      const w = type === null ? null : typeWarning(type, line, true);
      if (w) warnings.push(w);
    }
    if (stage === "pre-token" && stringArg((call.arguments as Node[])[0], s) === "state_id") {
      warnings.push({
        code: "ibm-state-id-in-pre",
        message: "The pre-token rule has no state_id (documented, seed 003: at /authorize and for ROPC no grant exists yet): this reads null. Read state_id in the post-token rule.",
        line,
      });
    }
  }
  return warnings;
}

/**
 * The Java values an IBM rule reads: IBM's classes hand out java.lang.String and String[] (stsuu.ts, utils.ts),
 * so `ctx.getAttributeValueByName("request_type") === "access_token"` is always false, as in AM's legacy.
 */
const IBM_JAVA_SURFACE: JavaSurface = {
  stringCalls: new Set(),
  collectionCalls: new Set(),
  collectionGlobals: new Set(),
  stringMethodsAnywhere: new Set([
    "getAttributeValueByName",
    "getAttributeValueByNameAndType",
    "getPrincipalName",
    "getAssociation",
    "disassociate",
    "generateRandomString",
    "getStateId",
    "getUsername",
    "getTokenId",
    "getClientName",
    "getExtendedData",
    "getOtherInfo",
  ]),
  arrayMethodsAnywhere: new Set(["getAttributeValuesByName", "getAttributeValuesByNameAndType", "getValues", "getAssociationKeys", "getAttributeNames"]),
  mentions: /\b(getAttributeValues?By|getPrincipalName|getAssociation|disassociate|generateRandomString|getStateId|getUsername|getTokenId|getClientName|getExtendedData|getOtherInfo|getValues|getAttributeNames)/,
  runtime: "an IBM rule (Rhino)",
};

/** Warnings for an IBM rule; `stage` (the scenario's ibm.rule) turns on the stage-dependent ones. */
export function lintIbmRule(source: string, stage?: RuleStage): RunWarning[] {
  const s = scan(source);
  if (!s) return [];
  return [...notImported(s), ...otherProductGlobals(s), ...unknownMethods(s), ...attributeTypes(s, stage), ...javaValueWarnings(source, IBM_JAVA_SURFACE)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

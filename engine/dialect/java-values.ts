/**
 * The legacy evaluator's classic trap: values that come from Java are Java objects in Rhino, not JS values.
 * A java.lang.String from identity.getAttribute("tier").iterator().next() is never `=== "gold"`, its
 * `.length` is a method, `typeof` says "object", a switch never matches it; a java.util.Set has no `.length`.
 * The run already behaves as Rhino does (the legacy bindings hand out Java-typed views); this flow-light
 * analysis over the acorn tree names the fix before the user wonders why a branch never runs.
 *
 * Flow-light: an expression is Java-valued when it is a call of a binding method that returns Java (see
 * engine/bindings/declarations.ts, which the sandbox is tested against), a Java String method called on one,
 * an element of a Java collection, or a variable every assignment of which is such an expression.
 */
import { Parser, type Node } from "acorn";
import type { RunWarning } from "../result";
import { fullAncestorWalk } from "./walk";

type AnyNode = Node & Record<string, any>;
/** "lists": a java.util.Map whose values are Lists (legacy requestProperties.requestParams / requestHeaders). */
/** "array": a Java String[] (IBM's getAttributeValuesByName): it has a length, and its elements are Java Strings. */
type JavaKind = "string" | "collection" | "array" | "lists";

/** `object.method(...)` calls of the legacy bindings that return a java.lang.String. */
const STRING_CALLS = new Set([
  "identity.getName",
  "identity.getRealm",
  "identity.getUniversalId",
  "session.getProperty",
  "session.getAuthType",
  "session.getIPAddress",
  "session.getHostName",
  // accessToken's String getters hand out java.lang.String too (legacy goldens str.typeof, str.strict-eq).
  ...["getTokenId", "getAuditTrackingId", "getAuthGrantId", "getClaims", "getClientId", "getGrantType", "getNonce", "getRealm", "getResourceOwnerId", "getTokenName", "getTokenType"].map((m) => `accessToken.${m}`),
]);
/** ... and those that return a java.util.Set / List of Strings. */
const COLLECTION_CALLS = new Set(["identity.getAttribute", "accessToken.getScope", "accessToken.getAudience"]);
const COLLECTION_GLOBALS = new Set(["scopes"]);
/** Methods that return a java.lang.String whatever object they are called on (CHF responses, principals). */
const STRING_METHODS_ANYWHERE = new Set(["getString", "getReasonPhrase"]);

/** Where Java values come from in one kind of script: the bindings' methods that return them. */
export interface JavaSurface {
  /** `binding.method` calls that return a java.lang.String. */
  stringCalls: ReadonlySet<string>;
  /** `binding.method` calls that return a java.util.Set / List. */
  collectionCalls: ReadonlySet<string>;
  /** Globals that are Java collections. */
  collectionGlobals: ReadonlySet<string>;
  /** Methods that return a java.lang.String whatever they are called on. */
  stringMethodsAnywhere: ReadonlySet<string>;
  /** Methods that return a Java String[] whatever they are called on. */
  arrayMethodsAnywhere: ReadonlySet<string>;
  /** `global.key` (or `global.get("key")`) reads that give a java.util.Map of Lists of Strings. */
  listMapReads?: ReadonlySet<string>;
  /** A cheap test first: a script that mentions none of these has no Java value to warn about. */
  mentions: RegExp;
  /** How the messages name the runtime ("legacy"). */
  runtime: string;
}

/** AM's legacy evaluator (next-generation bindings hand out JS values). */
export const AM_LEGACY_SURFACE: JavaSurface = {
  stringCalls: STRING_CALLS,
  collectionCalls: COLLECTION_CALLS,
  collectionGlobals: COLLECTION_GLOBALS,
  stringMethodsAnywhere: STRING_METHODS_ANYWHERE,
  arrayMethodsAnywhere: new Set(),
  // AM's legacy requestProperties is a Java map; its request parameters and headers are maps of java.util.Lists
  // (the recorder's stand-in, cloudflare-mcp-aic.json): a value's toString() is a java.lang.String, as any Java object's.
  listMapReads: new Set(["requestProperties.requestParams", "requestProperties.requestHeaders"]),
  mentions: /\b(identity|session|scopes|accessToken|getString|getReasonPhrase|requestProperties)\b/,
  runtime: "legacy",
};
/** java.lang.String methods that return a java.lang.String (toString too: legacy golden str.toString-typeof). */
const STRING_TO_STRING = new Set(["substring", "toUpperCase", "toLowerCase", "trim", "replace", "replaceAll", "concat", "intern", "strip", "toString"]);

/** `global.key`, `global["key"]` or `global.get("key")` as "global.key", for a read of a named binding's entry. */
function entryRead(node: AnyNode): string | null {
  const literal = (key: AnyNode | undefined) => (key?.type === "Literal" && typeof key.value === "string" ? key.value : null);
  if (node.type === "MemberExpression" && node.object.type === "Identifier") {
    const key = node.computed ? literal(node.property) : (node.property.name as string);
    return key === null ? null : `${node.object.name}.${key}`;
  }
  if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed && node.callee.property.name === "get" && node.callee.object.type === "Identifier") {
    const key = literal(node.arguments[0]);
    return key === null ? null : `${node.callee.object.name}.${key}`;
  }
  return null;
}

function parse(source: string): AnyNode | null {
  try {
    return Parser.parse(source, { ecmaVersion: "latest", sourceType: "script", allowReserved: true, allowReturnOutsideFunction: true, locations: true }) as AnyNode;
  } catch {
    return null;
  }
}

/** A call that gives a Java array (toArray() of a collection, split() of a Java String): indexing it gives an element. */
function isToArrayCall(node: AnyNode | undefined): boolean {
  return node?.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed && (node.callee.property.name === "toArray" || node.callee.property.name === "split");
}

function calleeKey(callee: AnyNode): string | null {
  if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return null;
  return callee.object.type === "Identifier" ? `${callee.object.name}.${callee.property.name}` : null;
}

/** The source text a warning quotes, shortened. */
function quote(source: string, node: AnyNode): string {
  const text = source.slice(node.start, node.end).replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Warnings for Java values used as JS values (legacy evaluator only: next-generation bindings hand out JS values). */
export function javaValueWarnings(source: string, surface: JavaSurface = AM_LEGACY_SURFACE): RunWarning[] {
  if (!surface.mentions.test(source)) return [];
  const program = parse(source);
  if (!program) return [];

  // Pass 1: every assignment to a plain name, so a variable is Java-valued only when all of them are.
  const assigned = new Map<string, AnyNode[]>();
  const note = (name: string, value: AnyNode | null) => {
    const list = assigned.get(name) ?? [];
    list.push(value ?? ({ type: "Literal", value: undefined, start: 0, end: 0 } as unknown as AnyNode));
    assigned.set(name, list);
  };
  const uses: AnyNode[] = [];
  fullAncestorWalk(program, (raw) => {
    const node = raw as AnyNode;
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier") {
      if (node.init) note(node.id.name, node.init);
    } else if (node.type === "AssignmentExpression" && node.left.type === "Identifier") {
      note(node.left.name, node.operator === "=" ? node.right : null);
    }
    if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression") {
      for (const p of node.params as AnyNode[]) if (p.type === "Identifier") note(p.name, null);
    }
    if (node.type === "BinaryExpression" || node.type === "MemberExpression" || node.type === "SwitchStatement" || node.type === "UnaryExpression" || node.type === "CallExpression") uses.push(node);
  });

  // Kinds of names and expressions, resolved without recursion into the host stack (memoised, cycle-safe).
  const nameKinds = new Map<string, JavaKind | null>();
  const origins = new Map<string, string>();
  // Aliases (a = b; b = c; …) are followed this many names deep, so generated scripts cannot exhaust the stack.
  const MAX_ALIASES = 64;
  let aliasDepth = 0;
  const kindOf = (expr: AnyNode): JavaKind | null => {
    // Walk down a chain of calls/members iteratively: the kind is decided from the innermost known piece.
    const chain: AnyNode[] = [];
    let cur: AnyNode | null = expr;
    while (cur) {
      chain.push(cur);
      if (cur.type === "CallExpression" && cur.callee.type === "MemberExpression") cur = cur.callee.object;
      else if (cur.type === "MemberExpression") cur = cur.object;
      else if (cur.type === "ChainExpression") cur = cur.expression;
      else cur = null;
    }
    let kind: JavaKind | null = null;
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i];
      const entry = entryRead(n);
      if (entry && surface.listMapReads?.has(entry) && !assigned.has(entry.slice(0, entry.indexOf(".")))) {
        kind = "lists";
      } else if (kind === "lists" && (n.type === "MemberExpression" || (n.type === "CallExpression" && n.callee.type === "MemberExpression" && !n.callee.computed && n.callee.property.name === "get"))) {
        // One parameter's or header's values: a java.util.List of Strings.
        kind = "collection";
      } else if (n.type === "Identifier") {
        if (surface.collectionGlobals.has(n.name) && !assigned.has(n.name)) kind = "collection";
        else if (aliasDepth >= MAX_ALIASES) kind = null;
        else {
          aliasDepth++;
          kind = nameKind(n.name);
          aliasDepth--;
        }
      } else if (n.type === "CallExpression" && n.callee.type === "MemberExpression" && !n.callee.computed && n.callee.property.type === "Identifier") {
        const method = n.callee.property.name as string;
        const key = calleeKey(n.callee);
        if (key && surface.stringCalls.has(key)) kind = "string";
        else if (key && surface.collectionCalls.has(key)) kind = "collection";
        else if (surface.stringMethodsAnywhere.has(method)) kind = "string";
        else if (surface.arrayMethodsAnywhere.has(method)) kind = "array";
        else if (kind === "collection" && (method === "get" || method === "next")) kind = "string";
        else if (kind === "collection" && method === "iterator") kind = "collection";
        else if (kind === "collection" && method === "toArray") kind = "collection";
        // Any Java object's toString() is a java.lang.String ([a, b] for a list), wrapped as AM's Rhino wraps it.
        else if (kind === "collection" && method === "toString") kind = "string";
        else if (kind === "string" && STRING_TO_STRING.has(method)) kind = "string";
        // split gives a Java String[] (legacy golden str.split-elem-typeof): its elements are Java Strings.
        else if (kind === "string" && method === "split") kind = "collection";
        else kind = null;
      } else if (n.type === "MemberExpression" && n.computed && kind === "collection" && isToArrayCall(chain[i + 1])) {
        // toArray()[0]: an element of a Java array of Strings.
        kind = "string";
      } else if (n.type === "MemberExpression" && n.computed && kind === "array") {
        // values[0] of a String[]: a Java String.
        kind = "string";
      } else if (n.type === "CallExpression" || n.type === "MemberExpression" || n.type === "ChainExpression") {
        // A member read or a call of something else: not known to be Java.
        if (n.type !== "ChainExpression") kind = null;
      } else {
        kind = null;
      }
    }
    return kind;
  };
  function nameKind(name: string): JavaKind | null {
    if (nameKinds.has(name)) return nameKinds.get(name) ?? null;
    nameKinds.set(name, null); // cycle guard: a name defined through itself is not known to be Java
    const values = assigned.get(name);
    if (!values || values.length === 0) return null;
    let kind: JavaKind | null = null;
    for (const v of values) {
      const k = kindOf(v);
      if (k === null || (kind !== null && k !== kind)) return null;
      kind = k;
    }
    nameKinds.set(name, kind);
    origins.set(name, quote(source, values[0]));
    return kind;
  }
  const describe = (node: AnyNode): string => {
    if (node.type === "Identifier" && origins.has(node.name)) return `${node.name} holds a java.lang.String (from ${origins.get(node.name)})`;
    return `${quote(source, node)} is a java.lang.String`;
  };
  const isJsString = (node: AnyNode): boolean => (node.type === "Literal" && typeof node.value === "string") || node.type === "TemplateLiteral";

  const warnings: RunWarning[] = [];
  const push = (code: string, node: AnyNode, message: string) => warnings.push({ code, message, line: node.loc?.start.line });
  for (const node of uses) {
    if (node.type === "BinaryExpression" && (node.operator === "===" || node.operator === "!==")) {
      const [java, other] = kindOf(node.left) === "string" ? [node.left, node.right] : kindOf(node.right) === "string" ? [node.right, node.left] : [null, null];
      if (java && other && isJsString(other)) {
        const text = quote(source, java);
        const literal = quote(source, other);
        push(
          "java-string-equality",
          node,
          `${describe(java)}: in Rhino ${text} ${node.operator} ${literal} is always ${node.operator === "===" ? "false" : "true"} (a Java object is never identical to a JS string). Use String(${text}) ${node.operator} ${literal} or ${node.operator === "!==" ? "!" : ""}${text}.equals(${literal}).`,
        );
      }
    } else if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier" && node.property.name === "length") {
      const kind = kindOf(node.object);
      const text = quote(source, node.object);
      if (kind === "string") push("java-string-length", node, `${describe(node.object)}: in ${surface.runtime}, a Java String's length is a method: ${text}.length() (or String(${text}).length); ${text}.length reads the method itself.`);
      else if (kind === "collection") push("java-collection-length", node, `${text} is a java.util.Set/List: it has no length (reads undefined in Rhino); use ${text}.size().`);
    } else if (node.type === "SwitchStatement" && kindOf(node.discriminant) === "string") {
      const text = quote(source, node.discriminant);
      push("java-string-switch", node, `${describe(node.discriminant)}: a switch compares with ===, so no string case ever matches it in Rhino. Use switch (String(${text})).`);
    } else if (node.type === "UnaryExpression" && node.operator === "typeof" && kindOf(node.argument) === "string") {
      push("java-string-typeof", node, `${describe(node.argument)}: typeof gives "object" for it in Rhino, not "string". Convert it with String(…) first.`);
    } else if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed && node.callee.property.type === "Identifier" && node.callee.object.type === "ArrayExpression") {
      const method = node.callee.property.name as string;
      const arg = (node.arguments as AnyNode[])[0];
      if ((method === "indexOf" || method === "includes") && arg && kindOf(arg) === "string") {
        const text = quote(source, arg);
        push("java-string-equality", node, `${describe(arg)}: [...].${method}(${text}) compares with === (SameValueZero), so it never finds a Java String among JS strings in Rhino. Use [...].${method}(String(${text})).`);
      }
    }
  }
  return warnings;
}

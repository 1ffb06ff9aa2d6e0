/**
 * A next-generation request value turned into text: `requestProperties.requestParams.get("grant_type").toString()`.
 * AM's docs say each request parameter "is an array of parameters", whose text is its values joined by commas
 * ("urn:…:token-exchange"); a probe of a live tenant saw java.util.Lists, whose text is Java's
 * AbstractCollection.toString ("[urn:…:token-exchange]"). Published scripts rely on the list form (Cloudflare's
 * PingOne AIC MCP demo compares it with '[urn:ietf:params:oauth:grant-type:token-exchange]'), so a script that
 * compares or stores that text takes another branch under each type, silently. Which one a given AM hands out is
 * the scenario's `request.valuesType`; this check names the dependency whichever the scenario chose.
 *
 * Flow-light, like java-values.ts: a request value is `requestProperties.requestParams|requestHeaders` read with
 * `.get(k)`, `.name` or `[k]` (also through a variable holding the map), or a variable every assignment of which
 * is such a value. Text is `.toString()`, `String(v)`, or `+` with a string.
 */
import { Parser, type Node } from "acorn";
import type { RunWarning } from "../result";
import { fullWalk } from "./walk";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- acorn's ESTree nodes, read field by field as java-values.ts does
type AnyNode = Node & Record<string, any>;

const MAPS = ["requestParams", "requestHeaders"];

function isRequestProperties(node: AnyNode): boolean {
  return node.type === "Identifier" && node.name === "requestProperties";
}

/** A member read (`o.k`, `o[k]`) or a `o.get(k)` call: its object and the key, null where the key is computed. */
function readOf(node: AnyNode): { object: AnyNode; key: string | null; dotted: boolean } | null {
  const literal = (key: AnyNode | undefined) => (key?.type === "Literal" && typeof key.value === "string" ? key.value : null);
  if (node.type === "MemberExpression") {
    return node.computed ? { object: node.object, key: literal(node.property), dotted: false } : { object: node.object, key: node.property.name as string, dotted: true };
  }
  if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed && node.callee.property.name === "get") {
    return { object: node.callee.object, key: literal(node.arguments[0]), dotted: false };
  }
  return null;
}

export function requestValueTextWarnings(source: string): RunWarning[] {
  // A script that never names requestProperties has no request value to turn into text: skip the parse.
  if (!source.includes("requestProperties")) return [];
  let ast: AnyNode;
  try {
    ast = Parser.parse(source, { ecmaVersion: "latest", locations: true, allowReturnOutsideFunction: true }) as AnyNode;
  } catch {
    return [];
  }
  // Variables by what every assignment gives them: a request map ("requestParams") or a value of one ("value").
  const assigned = new Map<string, AnyNode[]>();
  fullWalk(ast, (node: AnyNode) => {
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.init) {
      assigned.set(node.id.name, [...(assigned.get(node.id.name) ?? []), node.init]);
    }
    if (node.type === "AssignmentExpression" && node.left.type === "Identifier") {
      assigned.set(node.left.name, [...(assigned.get(node.left.name) ?? []), node.operator === "=" ? node.right : node]);
    }
  });
  const resolving = new Set<string>();
  const every = (name: string, test: (n: AnyNode) => boolean): boolean => {
    const values = assigned.get(name);
    if (!values || resolving.has(name)) return false;
    resolving.add(name);
    const all = values.every(test);
    resolving.delete(name);
    return all;
  };
  /** The name of the request map the node is ("requestParams"), else null. */
  const mapOf = (node: AnyNode): string | null => {
    if (node.type === "Identifier") return every(node.name, (n) => mapOf(n) !== null) ? mapOf(assigned.get(node.name)![0]) : null;
    const read = readOf(node);
    return read && isRequestProperties(read.object) && read.key && MAPS.includes(read.key) ? read.key : null;
  };
  /** A label for the request value the node is ("requestParams.grant_type"), else null. */
  const valueOf = (node: AnyNode): string | null => {
    if (node.type === "Identifier") return every(node.name, (n) => valueOf(n) !== null) ? valueOf(assigned.get(node.name)![0]) : null;
    const read = readOf(node);
    const map = read && mapOf(read.object);
    if (!read || !map) return null;
    return `requestProperties.${map}${read.key === null ? "[…]" : read.dotted ? `.${read.key}` : `["${read.key}"]`}`;
  };
  const isText = (node: AnyNode) =>
    (node.type === "Literal" && typeof node.value === "string") || node.type === "TemplateLiteral";

  const warnings: RunWarning[] = [];
  const seen = new Set<string>();
  const report = (label: string, how: string, node: AnyNode) => {
    const line = node.loc?.start.line ?? 0;
    if (seen.has(`${line} ${label}`)) return;
    seen.add(`${line} ${label}`);
    warnings.push({
      code: "request-value-text",
      message: `${how} turns ${label} into text, which depends on a type AM's docs leave open: they say each request parameter "is an array of parameters", whose text is its values joined by commas (a,b); a live tenant handed over java.util.Lists, whose text is [a, b], and published scripts compare with that form. Each choice takes its own branch here: the scenario's "request": { "valuesType" } picks one (default "array", as documented). To work on both, read the value itself: ${label}[0], and .length.`,
      line,
    });
  };
  fullWalk(ast, (node: AnyNode) => {
    if (node.type === "CallExpression") {
      const callee = node.callee;
      if (callee.type === "MemberExpression" && !callee.computed && callee.property.name === "toString" && node.arguments.length === 0) {
        const label = valueOf(callee.object);
        if (label) report(label, "toString()", node);
      }
      if (callee.type === "Identifier" && callee.name === "String" && node.arguments.length === 1) {
        const label = valueOf(node.arguments[0]);
        if (label) report(label, "String(…)", node);
      }
    }
    if (node.type === "BinaryExpression" && node.operator === "+") {
      const label = isText(node.left) ? valueOf(node.right) : isText(node.right) ? valueOf(node.left) : null;
      if (label) report(label, "Concatenating it with a string", node);
    }
  });
  return warnings;
}

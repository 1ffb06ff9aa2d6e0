/** The small view of acorn's tree the migration rules read: node shapes, matchers, and the source they cover. */
import { parse, type Node } from "acorn";

/** An ESTree node with the fields the rules read; acorn's own type names only the common ones. */
export interface N extends Node {
  [field: string]: unknown;
}

export function parseScript(source: string): N {
  return parse(source, { ecmaVersion: 2020, sourceType: "script", allowReturnOutsideFunction: true, locations: false }) as unknown as N;
}

export function child(node: N, field: string): N | undefined {
  const value = node[field];
  return value && typeof value === "object" && "type" in (value as object) ? (value as N) : undefined;
}

export function children(node: N, field: string): N[] {
  const value = node[field];
  return Array.isArray(value) ? (value as N[]) : [];
}

export function identifierName(node: N | undefined): string | undefined {
  return node?.type === "Identifier" ? (node.name as string) : undefined;
}

/** The dotted name of a member chain (`org.forgerock.http.protocol.Status.CREATED`), or undefined. */
export function dottedName(node: N | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Identifier") return node.name as string;
  if (node.type === "MemberExpression" && !node.computed) {
    const object = dottedName(child(node, "object"));
    const property = identifierName(child(node, "property"));
    return object && property ? `${object}.${property}` : undefined;
  }
  return undefined;
}

/** For `receiver.method(args)`: the receiver, the method name and the arguments. */
export function methodCall(node: N | undefined): { receiver: N; method: string; args: N[]; property: N } | undefined {
  if (node?.type !== "CallExpression") return undefined;
  const callee = child(node, "callee");
  if (callee?.type !== "MemberExpression" || callee.computed) return undefined;
  const property = child(callee, "property") as N;
  const method = identifierName(property);
  const receiver = child(callee, "object");
  return method && receiver ? { receiver, method, args: children(node, "arguments"), property } : undefined;
}

export function text(source: string, node: N): string {
  return source.slice(node.start, node.end);
}

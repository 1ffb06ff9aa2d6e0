/**
 * engine/dialect/walk.ts drives acorn-walk's base visitors from an explicit stack: it must visit exactly what
 * acorn-walk's recursive walks visit, in the same order, with the same ancestors, and survive trees far deeper
 * than the recursive walks can.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser, type Node } from "acorn";
import { full, fullAncestor, simple } from "acorn-walk";
import { describe, expect, it } from "vitest";
import golden from "../conformance/dialect/syntax.golden.json";
import { fullAncestorWalk, fullWalk, simpleWalk } from "../../engine/dialect/walk";

function parse(source: string): Node | null {
  try {
    return Parser.parse(source, { ecmaVersion: "latest", sourceType: "script", allowReserved: true, allowReturnOutsideFunction: true });
  } catch {
    return null;
  }
}

const sources = [
  ...readdirSync("samples").filter((f) => f.endsWith(".js")).map((f) => readFileSync(join("samples", f), "utf8")),
  ...(golden.snippets as { source: string }[]).map((s) => s.source),
];
const trees = sources.map(parse).filter((t): t is Node => t !== null);
const SIMPLE_TYPES = ["Identifier", "Expression", "Statement", "Pattern", "VariablePattern", "MemberExpression", "CallExpression", "Property", "Function", "BlockStatement"];

describe("iterative tree walks", () => {
  it("walk real scripts and the dialect snippets", () => {
    expect(trees.length).toBeGreaterThan(300);
  });

  it("fullAncestorWalk visits what fullAncestor visits, in order, with the same ancestors", () => {
    for (const tree of trees) {
      const expected: string[] = [];
      fullAncestor(tree, (n, _s, ancestors) => expected.push(`${n.type}@${n.start}<${(ancestors as Node[]).map((a) => a.start).join(",")}`));
      const got: string[] = [];
      fullAncestorWalk(tree, (n, ancestors) => got.push(`${n.type}@${n.start}<${ancestors.map((a) => a.start).join(",")}`));
      expect(got).toEqual(expected);
    }
  });

  it("fullWalk and simpleWalk match full and simple", () => {
    for (const tree of trees) {
      const a: string[] = [];
      const b: string[] = [];
      full(tree, (n) => a.push(`${n.type}@${n.start}`));
      fullWalk(tree, (n) => b.push(`${n.type}@${n.start}`));
      expect(b).toEqual(a);
      const c: string[] = [];
      const d: string[] = [];
      simple(tree, Object.fromEntries(SIMPLE_TYPES.map((t) => [t, (n: Node) => c.push(`${t}:${n.type}@${n.start}`)])));
      simpleWalk(tree, Object.fromEntries(SIMPLE_TYPES.map((t) => [t, (n: Node) => d.push(`${t}:${n.type}@${n.start}`)])));
      expect(d).toEqual(c);
    }
  });

  it("walks a 100,000-level tree that overflows the recursive walk", () => {
    // Built by hand: acorn itself cannot parse this deep ("a" + "a" + … 100,000 times, left-leaning).
    const literal = (i: number) => ({ type: "Literal", start: i, end: i + 1, value: 1 });
    let expression: Record<string, unknown> = literal(0);
    for (let i = 1; i <= 100000; i++) expression = { type: "BinaryExpression", start: 0, end: i + 1, operator: "+", left: expression, right: literal(i) };
    const tree = { type: "Program", start: 0, end: 100001, sourceType: "script", body: [{ type: "ExpressionStatement", start: 0, end: 100001, expression }] } as unknown as Node;
    expect(() => full(tree, () => undefined)).toThrow(RangeError);
    let count = 0;
    let deepest = 0;
    fullAncestorWalk(tree, (_n, ancestors) => {
      count++;
      deepest = Math.max(deepest, ancestors.length);
    });
    expect(count).toBe(2 + 100000 + 100001);
    expect(deepest).toBe(2 + 100000 + 1);
  });
});

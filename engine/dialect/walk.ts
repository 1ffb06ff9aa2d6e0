/**
 * acorn-walk's walks without recursion. acorn-walk calls itself once per tree level, so a valid script with a
 * few thousand `"a" + "b" + …` terms (a left-leaning tree thousands of levels deep) overflows the host's stack
 * before Rhino's own limit is even reached. These walks drive acorn-walk's `base` visitors from an explicit
 * stack instead: the same nodes, in the same order, with the same callbacks as `simple`, `full` and
 * `fullAncestor`, in constant host stack depth.
 */
import type { Node } from "acorn";
import { base, type RecursiveVisitors } from "acorn-walk";

type AnyNode = Node & Record<string, unknown>;

interface Frame {
  node: AnyNode;
  type: string;
  override: boolean;
  isNew: boolean;
  calls: { node: AnyNode; override?: string }[];
  next: number;
}

const visitors = base as unknown as RecursiveVisitors<unknown>;

/**
 * Runs acorn-walk's base visitor of every node reached from `root`, calling `exit(node, type, ancestors)` after
 * a node's subtree, exactly where acorn-walk's recursive `c` returns (`override` is the type a parent asked
 * for, as acorn-walk passes it).
 */
function drive(root: AnyNode, exit: (node: AnyNode, type: string, override: boolean, ancestors: AnyNode[]) => void): void {
  const ancestors: AnyNode[] = [];
  const stack: Frame[] = [];
  const enter = (node: AnyNode, override: string | undefined) => {
    const type = override ?? node.type;
    const isNew = node !== ancestors[ancestors.length - 1];
    if (isNew) ancestors.push(node);
    const frame: Frame = { node, type, override: override !== undefined, isNew, calls: [], next: 0 };
    const visitor = (visitors as Record<string, (n: unknown, st: unknown, c: unknown) => void>)[type];
    // The base visitor only records the calls it would make; they run later, one frame at a time.
    visitor(node, undefined, (child: AnyNode, _st: unknown, childOverride?: string) => {
      frame.calls.push({ node: child, override: childOverride });
    });
    stack.push(frame);
  };
  enter(root, undefined);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.calls.length) {
      const call = frame.calls[frame.next++];
      enter(call.node, call.override);
      continue;
    }
    stack.pop();
    exit(frame.node, frame.type, frame.override, ancestors);
    if (frame.isNew) ancestors.pop();
  }
}

/** Like acorn-walk's `fullAncestor`: every node once, after its subtree, with its ancestors (itself last). */
export function fullAncestorWalk(root: Node, callback: (node: AnyNode, ancestors: AnyNode[]) => void): void {
  let last: AnyNode | undefined;
  drive(root as AnyNode, (node, _type, _override, ancestors) => {
    if (last !== node) {
      callback(node, ancestors);
      last = node;
    }
  });
}

/** Like acorn-walk's `full`: every node once, after its subtree. */
export function fullWalk(root: Node, callback: (node: AnyNode) => void): void {
  fullAncestorWalk(root, (node) => callback(node));
}

/** Like acorn-walk's `simple`: `visitors[type]` for each visit of that type (including types parents ask for). */
export function simpleWalk(root: Node, handlers: Record<string, (node: AnyNode) => void>): void {
  drive(root as AnyNode, (node, type) => {
    handlers[type]?.(node);
  });
}


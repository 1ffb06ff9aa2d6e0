/**
 * Group memberships. A legacy identity is an AMIdentity with getMemberships(IdType.GROUP); the next-generation
 * identity has no membership methods (AIC binding metadata, reference Appendix C). In AIC a user's groups are IDM
 * managed groups, reached through the user's `groups` relationship (AIC docs, "Groups": "a user's groups attribute
 * takes an array of references"; groups live under managed/<realm>_group), and next-generation access-token scripts
 * have `openidm`. So the closest translation reads the user with fields ["groups/*"], which expands each referenced
 * group, and takes a group's cn from the IDM group's name. Three steps of that rest on inferences, and the reason the
 * user reads says so.
 */
import type { RuleContext } from "./context";
import { child, children, dottedName, identifierName, methodCall, text, type N } from "./syntax";

/** The fields argument that marks the rewrite's own IDM read: the user's groups, each expanded. */
const GROUPS_FIELD = "groups/*";

/** The user's managed object in AIC: managed/<realm name>_user/<_id>, computed in the script from its bindings. */
const USER_PATH = '"managed/" + realm.split("/").pop() + "_user/" + identity.getAttributeValues("_id")[0]';

export const MEMBERSHIPS_WHY =
  'Next-generation identity has no getMemberships(); in AIC a user\'s groups are IDM managed groups reached through the user\'s "groups" relationship, and openidm.read(…, null, ["groups/*"]) returns each group expanded (AIC docs: Groups, managed/<realm>_group). Inferred, not observed here: that AM\'s group memberships are the user\'s IDM groups (true of managed groups, not of AM static groups), that the user\'s IDM object is managed/<realm name>_user/<its _id attribute>, and that the realm binding names the realm as "/alpha" does.';

export const GROUP_NAME_WHY =
  "An IDM managed group carries its name in \"name\" (AIC creates a group's _id from it); legacy read the group's cn. Inferred, not observed here: that AM's cn of a managed group is its IDM name.";

export const GROUP_ID_WHY = "An IDM managed group's id is its _id; legacy read it with getName(). Inferred, not observed here: that AM names a managed group by its IDM _id.";

/** identity.getMemberships(<…>IdType.GROUP) */
export function isGroupMembershipsCall(node: N | undefined): boolean {
  const call = methodCall(node);
  if (!call || identifierName(call.receiver) !== "identity" || call.method !== "getMemberships" || call.args.length !== 1) return false;
  const type = dottedName(call.args[0]) ?? "";
  return type === "IdType.GROUP" || type.endsWith(".IdType.GROUP");
}

/** The rewrite's `openidm.read(…, null, ["groups/*"]).groups`, a JS array of expanded group objects. */
export function isIdmGroupList(node: N | undefined, ctx: RuleContext): boolean {
  if (!node) return false;
  const name = identifierName(node);
  if (name) return ctx.vars.get(name)?.kind === "groupList";
  if (node.type !== "MemberExpression" || node.computed || identifierName(child(node, "property")) !== "groups") return false;
  const read = methodCall(child(node, "object"));
  if (!read || identifierName(read.receiver) !== "openidm" || read.method !== "read" || read.args.length !== 3) return false;
  const fields = read.args[2];
  return fields.type === "ArrayExpression" && children(fields, "elements").some((e) => e.type === "Literal" && e.value === GROUPS_FIELD);
}

/** A list of groups in either form, seen through a trailing toArray() (legacy) or not. */
function isGroupList(node: N | undefined, ctx: RuleContext): boolean {
  const call = methodCall(node);
  const base = call && call.method === "toArray" && call.args.length === 0 ? call.receiver : node;
  return isGroupMembershipsCall(base) || isIdmGroupList(base, ctx);
}

/** Marks `list.forEach(function (group) …)`'s parameter as a group, so the group idioms inside are found. */
export function collectGroupParameters(node: N, ctx: RuleContext): void {
  const call = methodCall(node);
  if (!call || call.method !== "forEach" || !isGroupList(call.receiver, ctx)) return;
  const fn = call.args[0];
  if (!fn || (fn.type !== "FunctionExpression" && fn.type !== "ArrowFunctionExpression")) return;
  const [param] = children(fn, "params");
  const name = identifierName(param);
  if (name) ctx.vars.set(name, { kind: "group", declarator: param });
}

/** What a variable holding a list of groups is, for the tracker. */
export function groupListKind(init: N | undefined, ctx: RuleContext): "groupList" | undefined {
  return isGroupList(init, ctx) ? "groupList" : undefined;
}

function isGroup(node: N | undefined, ctx: RuleContext): boolean {
  const name = identifierName(node);
  return !!name && ctx.vars.get(name)?.kind === "group";
}

/** group.getAttribute('cn') and the first-value idioms around it. */
function cnOf(node: N | undefined, ctx: RuleContext): N | undefined {
  const call = methodCall(node);
  if (!call || call.method !== "getAttribute" || call.args.length !== 1 || !isGroup(call.receiver, ctx)) return undefined;
  const arg = call.args[0];
  return arg.type === "Literal" && arg.value === "cn" ? call.receiver : undefined;
}

export function membershipsRule(node: N, ctx: RuleContext): void {
  if (isGroupMembershipsCall(node)) {
    ctx.edits.push({ start: node.start, end: node.end, text: `openidm.read(${USER_PATH}, null, ["${GROUPS_FIELD}"]).groups`, why: MEMBERSHIPS_WHY });
    return;
  }
  // group.getAttribute('cn').toArray()[0]
  if (node.type === "MemberExpression" && node.computed) {
    const index = child(node, "property");
    const toArray = methodCall(child(node, "object"));
    if (index?.type === "Literal" && index.value === 0 && toArray?.method === "toArray" && toArray.args.length === 0) {
      const group = cnOf(toArray.receiver, ctx);
      if (group) ctx.edits.push({ start: node.start, end: node.end, text: `${text(ctx.source, group)}.name`, why: GROUP_NAME_WHY });
    }
    return;
  }
  const call = methodCall(node);
  if (!call) return;
  // group.getAttribute('cn').iterator().next()
  if (call.method === "next" && call.args.length === 0) {
    const iterator = methodCall(call.receiver);
    const group = iterator?.method === "iterator" ? cnOf(iterator.receiver, ctx) : undefined;
    if (group) ctx.edits.push({ start: node.start, end: node.end, text: `${text(ctx.source, group)}.name`, why: GROUP_NAME_WHY });
    return;
  }
  if (call.method === "getName" && call.args.length === 0 && isGroup(call.receiver, ctx)) {
    ctx.edits.push({ start: node.start, end: node.end, text: `${text(ctx.source, call.receiver)}._id`, why: GROUP_ID_WHY });
  }
}

/** What is left of a group after the rules: an AMIdentity method an IDM group object does not have. */
export function unresolvedGroupUse(node: N, ctx: RuleContext): void {
  const call = methodCall(node);
  if (!call || !isGroup(call.receiver, ctx)) return;
  ctx.unresolved.push({
    start: node.start,
    message: `${text(ctx.source, call.receiver)}.${call.method}(): a group is an IDM object in next-generation scripts (fields "groups/*"): read its properties (name, _id, …) instead of AMIdentity methods.`,
  });
}

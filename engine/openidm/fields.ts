/**
 * IDM's `_fields` selection (the `fields` argument of openidm.read/query/create/update/patch/delete), built from
 * IDM's documented semantics ("View relationships over REST", IDM 7.x / AIC):
 *  - Without fields (or with `""`), and for `"*"`, IDM returns the object's ordinary fields. Relationship fields
 *    are NOT returned by default: "you must explicitly include the relationship property in the request".
 *  - `"manager"` (a relationship) gives the reference: `_ref`, `_refResourceCollection`, `_refResourceId`,
 *    `_refProperties` (`{ _id, _rev, …}`); for a multi-valued relationship (`roles`), an array of them.
 *  - `"manager/mail"` (and `"roles/*\/name"`, the form the docs give for arrays; `"roles/name"` is taken the same
 *    way) gives each referenced object's `_id`, `_rev` and that property (null when the object lacks it), beside
 *    the reference fields.
 *  - `"roles/*"` expands each referenced object: its ordinary fields beside the reference fields.
 *  - `"*_ref"` gives every relationship field as references.
 *  - `"name/first"` on an ordinary field keeps just that part of it, nested as in the object.
 * `_id` and `_rev` are always returned. A relationship is a field holding `{ "_ref": "managed/…/<id>" }` or an
 * array of such objects; the referenced object is looked up in the same store.
 */
import { ownPath, ownValue, setOwn } from "../util/own-keys";
export type IdmObject = Record<string, unknown>;

export interface FieldsContext {
  /** The referenced object, or undefined when the scenario's IDM data lacks it. */
  resolve(ref: string): IdmObject | undefined;
  /** Reports what the scenario's IDM data cannot answer (becomes a run warning). */
  gap(message: string): void;
  /** The object's id, for messages. */
  id: string;
}

interface Reference {
  _ref: string;
  _refResourceCollection?: string;
  _refResourceId?: string;
  _refProperties?: Record<string, unknown>;
  [key: string]: unknown;
}

export function isReference(value: unknown): value is Reference {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as Reference)._ref === "string";
}

export function isRelationship(value: unknown): boolean {
  return isReference(value) || (Array.isArray(value) && value.length > 0 && value.every(isReference));
}

/** The reference fields IDM returns for one related object. */
function referenceOf(ref: Reference): IdmObject {
  const parts = ref._ref.split("/");
  return {
    _ref: ref._ref,
    _refResourceCollection: ref._refResourceCollection ?? parts.slice(0, -1).join("/"),
    _refResourceId: ref._refResourceId ?? parts[parts.length - 1],
    _refProperties: ref._refProperties ?? {},
  };
}

/** Fields IDM returns by default: everything but relationships. */
export function defaultFields(obj: IdmObject): IdmObject {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => !isRelationship(v)));
}

function split(field: string): string[] {
  return field
    .split("/")
    .filter((p) => p !== "")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Field paths are the script's names: walk and write own keys only ("__proto__" is a key, never a prototype). */
function getPath(obj: unknown, path: string[]): unknown {
  return ownPath(obj, path);
}

function setPath(obj: IdmObject, path: string[], value: unknown): void {
  let cur = obj;
  for (const p of path.slice(0, -1)) {
    const next = ownValue(cur, p);
    if (typeof next !== "object" || next === null || Array.isArray(next)) setOwn(cur, p, {});
    cur = ownValue(cur, p) as IdmObject;
  }
  setOwn(cur, path[path.length - 1], value);
}

/** What a script asked of one relationship field: the references, whole objects, or some of their properties. */
type Want = { expand: false; props: string[][] } | { expand: true };

export function applyFields(obj: IdmObject, fields: string[] | undefined, ctx: FieldsContext): IdmObject {
  const asked = (fields ?? []).filter((f) => f !== "");
  if (asked.length === 0) return defaultFields(obj);
  const out: IdmObject = { _id: obj._id, _rev: obj._rev };
  const wants = new Map<string, Want>();
  const want = (name: string, next: Want) => {
    const prev = wants.get(name);
    if (!prev || next.expand) wants.set(name, next);
    else if (!prev.expand && !next.expand) prev.props.push(...next.props);
  };
  for (const field of asked) {
    if (field === "*") {
      Object.assign(out, defaultFields(obj));
      continue;
    }
    if (field === "*_ref") {
      for (const [k, v] of Object.entries(obj)) if (isRelationship(v)) want(k, { expand: false, props: [] });
      continue;
    }
    const path = split(field);
    const [head, ...rest] = path;
    if (head === undefined) continue;
    const value = ownValue(obj, head);
    if (isRelationship(value)) {
      if (rest.length === 0) want(head, { expand: false, props: [] });
      else if (rest.length === 1 && rest[0] === "*") want(head, { expand: true });
      else want(head, { expand: false, props: [rest[0] === "*" ? rest.slice(1) : rest] });
      continue;
    }
    if (value === undefined) {
      if (rest.length > 0) {
        ctx.gap(
          `${ctx.id} has no "${head}" in the scenario, so fields "${field}" cannot be answered: in IDM it would be a relationship, and a user without one reads as null (single) or [] (multi-valued). Add "${head}": [{ "_ref": "managed/…/<id>" }] (or a single { "_ref": … }) to that object in the scenario's openidm data.`,
        );
      } else if (!head.startsWith("_")) {
        ctx.gap(`${ctx.id} has no "${head}" in the scenario; the result leaves it out. If IDM has it (an ordinary property or a relationship), add it to the scenario's openidm data.`);
      }
      continue;
    }
    if (rest.length === 0) setOwn(out, head, value);
    else {
      const part = getPath(value, rest);
      if (part !== undefined) setPath(out, path, part);
    }
  }
  for (const [name, w] of wants) {
    const value = ownValue(obj, name);
    const render = (ref: Reference): IdmObject => {
      const base = referenceOf(ref);
      if (!w.expand && w.props.length === 0) return base;
      const target = ctx.resolve(ref._ref);
      if (!target) {
        ctx.gap(
          `${ctx.id}: ${name} refers to ${ref._ref}, which is not in the scenario's openidm data, so its fields cannot be answered (the result has the reference only). Add "${ref._ref}" to the scenario's openidm objects.`,
        );
        return base;
      }
      if (w.expand) return { ...defaultFields(target), ...base };
      const picked: IdmObject = { _id: target._id, _rev: target._rev };
      for (const prop of w.props) {
        const v = getPath(target, prop);
        if (v === undefined) {
          ctx.gap(`${ref._ref} has no "${prop.join("/")}" in the scenario's openidm data, so ${name}/${prop.join("/")} reads null (as IDM answers for a property the object lacks).`);
        }
        setPath(picked, prop, v === undefined ? null : v);
      }
      return { ...picked, ...base };
    };
    setOwn(out, name, Array.isArray(value) ? (value as Reference[]).map(render) : render(value as Reference));
  }
  return out;
}

/**
 * An in-memory IDM seeded from the scenario's `openidm` objects: what the next-generation `openidm`
 * binding reads and writes. Objects are keyed by full id ("managed/alpha_user/<uuid>"); revisions count
 * up from "1" like IDM's. Failures carry IDM's HTTP-style codes (404 not found, 412 revision mismatch).
 * Relationship fields hold references (`roles: [{ "_ref": "managed/alpha_role/r1" }]`) resolved against the
 * same store when a script's `fields` ask for them (fields.ts).
 */
import type { SeededRandom } from "../util/random";
import { applyFields, isReference, isRelationship, type IdmObject } from "./fields";
import { ownParent, ownPath, setOwn } from "../util/own-keys";

export type { IdmObject };

export class IdmError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "ResourceException";
  }
}

export interface PatchOperation {
  operation: string;
  field: string;
  value?: unknown;
}

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function pointer(field: string): string[] {
  return field
    .split("/")
    .filter((p) => p !== "")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export class IdmStore {
  private readonly objects = new Map<string, IdmObject>();
  /** True once a create, update, patch or delete has changed what the store holds. */
  changed = false;
  /** Told what the scenario's IDM data cannot answer for a `fields` selection (the binding turns it into warnings). */
  onGap: (message: string) => void = () => {};

  constructor(
    seed: Record<string, Record<string, unknown>>,
    private readonly random: SeededRandom,
  ) {
    for (const [id, obj] of Object.entries(seed)) {
      const value = copy(obj);
      if (value._id === undefined) value._id = id.split("/").pop();
      if (value._rev === undefined) value._rev = "1";
      this.objects.set(this.key(id), this.withReferences(value));
    }
  }

  /** Completes each reference as IDM stores one: its collection, id and `_refProperties` (`_id`, `_rev`). */
  private withReferences(obj: IdmObject): IdmObject {
    const complete = (ref: Record<string, unknown>): Record<string, unknown> => {
      const parts = String(ref._ref).replace(/^\/+/, "").split("/");
      const props = (typeof ref._refProperties === "object" && ref._refProperties !== null ? ref._refProperties : {}) as Record<string, unknown>;
      return {
        ...ref,
        _ref: parts.join("/"),
        _refResourceCollection: ref._refResourceCollection ?? parts.slice(0, -1).join("/"),
        _refResourceId: ref._refResourceId ?? parts[parts.length - 1],
        _refProperties: { ...props, _id: props._id ?? this.random.uuid(), _rev: props._rev ?? "1" },
      };
    };
    for (const [k, v] of Object.entries(obj)) {
      if (isReference(v)) obj[k] = complete(v);
      else if (Array.isArray(v) && v.length > 0 && v.every(isReference)) obj[k] = v.map(complete);
    }
    return obj;
  }

  /** The `fields` selection of one object, as IDM answers it. */
  private select(id: string, obj: IdmObject, fields?: string[]): IdmObject {
    return applyFields(obj, fields, {
      id,
      resolve: (ref) => {
        const target = this.objects.get(this.key(ref));
        return target ? copy(target) : undefined;
      },
      gap: (message) => this.onGap(message),
    });
  }

  private key(id: string): string {
    return id.replace(/^\/+/, "").replace(/\/+$/, "");
  }

  private require(id: string): IdmObject {
    const obj = this.objects.get(this.key(id));
    if (!obj) throw new IdmError(404, "Not Found", `Object ${id} not found in ${id.split("/").slice(0, -1).join("/") || id}`);
    return obj;
  }

  private checkRev(obj: IdmObject, rev: unknown, id: string): void {
    if (rev !== null && rev !== undefined && rev !== "*" && String(rev) !== String(obj._rev)) {
      throw new IdmError(412, "Precondition Failed", `Revision ${String(rev)} does not match ${String(obj._rev)} for ${id}`);
    }
  }

  private bump(obj: IdmObject): void {
    obj._rev = String(Number(obj._rev ?? "0") + 1);
  }

  /**
   * Every object as stored, keyed by full id: the shape of a scenario's `openidm`, so a later run seeded with it
   * starts from what this one left (a flow's next request; the run world can cross a worker boundary as data).
   */
  snapshot(): Record<string, IdmObject> {
    return Object.fromEntries([...this.objects.entries()].map(([id, obj]) => [id, copy(obj)]));
  }

  read(id: string, fields?: string[]): IdmObject | null {
    const obj = this.objects.get(this.key(id));
    return obj ? this.select(this.key(id), copy(obj), fields) : null;
  }

  create(resource: string, newId: string | null | undefined, content: IdmObject, fields?: string[]): IdmObject {
    const id = newId ?? this.random.uuid();
    const key = `${this.key(resource)}/${id}`;
    if (this.objects.has(key)) throw new IdmError(412, "Precondition Failed", `Object ${key} already exists`);
    const obj = this.withReferences({ ...copy(content), _id: id, _rev: "1" });
    this.objects.set(key, obj);
    this.changed = true;
    return this.select(key, copy(obj), fields);
  }

  update(id: string, rev: unknown, content: IdmObject, fields?: string[]): IdmObject {
    const obj = this.require(id);
    this.checkRev(obj, rev, id);
    // Relationship fields the new content leaves out are kept: a read returns them only when asked for, so the
    // documented read-modify-update idiom would otherwise drop every relationship (inferred; IDM stores
    // relationships apart from the object's own fields).
    const kept = Object.fromEntries(Object.entries(obj).filter(([k, v]) => isRelationship(v) && !(k in content)));
    const next: IdmObject = this.withReferences({ ...copy(kept), ...copy(content), _id: obj._id, _rev: obj._rev });
    this.bump(next);
    this.objects.set(this.key(id), next);
    this.changed = true;
    return this.select(this.key(id), copy(next), fields);
  }

  patch(id: string, rev: unknown, operations: PatchOperation[], fields?: string[]): IdmObject {
    const obj = copy(this.require(id));
    this.checkRev(obj, rev, id);
    if (!Array.isArray(operations)) throw new IdmError(400, "Bad Request", "Patch must be an array of operations");
    for (const op of operations) applyPatch(obj, op);
    this.withReferences(obj);
    this.bump(obj);
    this.objects.set(this.key(id), obj);
    this.changed = true;
    return this.select(this.key(id), copy(obj), fields);
  }

  delete(id: string, rev: unknown, fields?: string[]): IdmObject {
    const obj = this.require(id);
    this.checkRev(obj, rev, id);
    this.objects.delete(this.key(id));
    this.changed = true;
    return this.select(this.key(id), copy(obj), fields);
  }

  query(resource: string, params: Record<string, unknown>, fields?: string[]): { result: IdmObject[]; resultCount: number } {
    const prefix = `${this.key(resource)}/`;
    const filterText = params?._queryFilter;
    if (typeof filterText !== "string") {
      throw new IdmError(400, "Bad Request", "query needs a _queryFilter (e.g. { _queryFilter: 'true' })");
    }
    const filter = parseQueryFilter(filterText);
    const result = [...this.objects.entries()]
      .filter(([key, obj]) => key.startsWith(prefix) && !key.slice(prefix.length).includes("/") && filter(obj))
      .map(([key, obj]) => this.select(key, copy(obj), fields));
    return { result, resultCount: result.length };
  }
}

/** Own keys only: a field such as "/__proto__" or "/constructor" names nothing stored (see util/own-keys.ts). */
function getPath(obj: unknown, path: string[]): unknown {
  return ownPath(obj, path);
}

function applyPatch(obj: IdmObject, op: PatchOperation): void {
  const path = pointer(op.field ?? "");
  if (path.length === 0) throw new IdmError(400, "Bad Request", `Patch field "${op.field}" is not a JSON pointer`);
  // The walk and every write stay on own keys: "/__proto__/x" is a key named "__proto__", never a prototype.
  const parent = ownParent(obj, path);
  const leaf = path[path.length - 1];
  const current = ownPath(parent, [leaf]);
  switch (op.operation) {
    case "add":
      if (leaf === "-" || Array.isArray(current)) {
        const list = (Array.isArray(current) ? current : []) as unknown[];
        list.push(...(Array.isArray(op.value) ? op.value : [op.value]));
        setOwn(parent, leaf, list);
      } else setOwn(parent, leaf, copy(op.value));
      break;
    case "replace":
      setOwn(parent, leaf, copy(op.value));
      break;
    case "remove":
      if (Object.hasOwn(parent, leaf)) delete parent[leaf];
      break;
    case "increment":
      setOwn(parent, leaf, Number(current ?? 0) + Number(op.value ?? 0));
      break;
    default:
      throw new IdmError(400, "Bad Request", `Unsupported patch operation "${op.operation}"`);
  }
}

type Filter = (obj: IdmObject) => boolean;

/** A CREST query filter subset: true/false, eq, co, sw, gt, ge, lt, le, pr, and/or/not, parentheses. */
export function parseQueryFilter(text: string): Filter {
  const tokens = text.match(/\s*("(?:[^"\\]|\\.)*"|\(|\)|[^\s()]+)/g)?.map((t) => t.trim()) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const fail = (why: string): never => {
    throw new IdmError(400, "Bad Request", `Invalid _queryFilter "${text}": ${why}`);
  };
  const literal = (t: string | undefined): unknown => {
    if (t === undefined) return fail("missing value");
    if (t.startsWith('"')) return JSON.parse(t);
    if (t === "true") return true;
    if (t === "false") return false;
    const n = Number(t);
    return Number.isNaN(n) ? t : n;
  };
  const primary = (): Filter => {
    const t = next();
    if (t === undefined) return fail("unexpected end");
    if (t === "(") {
      const inner = or();
      if (next() !== ")") fail("missing )");
      return inner;
    }
    if (t === "!" || t === "not") {
      const inner = primary();
      return (o) => !inner(o);
    }
    if (t === "true") return () => true;
    if (t === "false") return () => false;
    const path = pointer(t);
    const op = next();
    if (op === "pr") return (o) => getPath(o, path) !== undefined && getPath(o, path) !== null;
    const value = literal(next());
    const test = (actual: unknown): boolean => {
      switch (op) {
        case "eq":
          return actual === value || String(actual).toLowerCase() === String(value).toLowerCase();
        case "co":
          return String(actual ?? "").toLowerCase().includes(String(value).toLowerCase());
        case "sw":
          return String(actual ?? "").toLowerCase().startsWith(String(value).toLowerCase());
        case "gt":
          return (actual as number) > (value as number);
        case "ge":
          return (actual as number) >= (value as number);
        case "lt":
          return (actual as number) < (value as number);
        case "le":
          return (actual as number) <= (value as number);
        default:
          return fail(`unknown operator "${op}"`);
      }
    };
    return (o) => {
      const actual = getPath(o, path);
      return Array.isArray(actual) ? actual.some(test) : actual !== undefined && test(actual);
    };
  };
  const and = (): Filter => {
    let left = primary();
    while (peek() === "and") {
      next();
      const l = left;
      const r = primary();
      left = (o) => l(o) && r(o);
    }
    return left;
  };
  const or = (): Filter => {
    let left = and();
    while (peek() === "or") {
      next();
      const l = left;
      const r = and();
      left = (o) => l(o) || r(o);
    }
    return left;
  };
  const filter = or();
  if (pos < tokens.length) fail(`unexpected "${tokens[pos]}"`);
  return filter;
}

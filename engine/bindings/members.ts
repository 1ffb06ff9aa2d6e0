/**
 * One description per host-class member, as Rhino's Java interop keeps one member table per class: the
 * member's name, its overloads as TypeScript call signatures, and a one-line doc. The table decides what a
 * script may call on a host object (the sandbox's dispatch), how many arguments each overload takes (the
 * argument checks with Rhino's wording) and what the editor offers (the IntelliSense declarations are
 * rendered from it). Pure data: the page's light entry point loads it, so it imports nothing.
 */

/** A member as a table lists it: one signature, several (one per overload), or a full description. */
export type MemberInit = string | readonly string[] | MemberSpec;

export interface MemberSpec {
  /** TypeScript call signatures, one per overload, e.g. `(key: string): any` or `<R>(fn: (v: T) => R): P<R>`. */
  readonly overloads: readonly string[];
  /** One line for the editor's hover. */
  readonly doc?: string;
  /**
   * Served to scripts but not offered by the editor: Rhino's and the sandbox's plumbing (`#primitive`, the
   * guest's ToPrimitive; `toJSON`, how Rhino's JSON.stringify writes a Java value).
   */
  readonly hidden?: boolean;
}

export interface Member extends MemberSpec {
  readonly name: string;
  /** Argument counts some overload accepts; `rest` when one takes any number from its minimum on. */
  readonly counts: ReadonlySet<number>;
  readonly restFrom: number | null;
}

/** A plumbing member (see MemberSpec.hidden), callable with any arguments. */
export const HIDDEN: MemberSpec = Object.freeze({ overloads: ["(...args: any[]): any"], hidden: true });

export class MemberTable {
  private readonly byName: ReadonlyMap<string, Member>;
  /**
   * The class's methods are Java methods: Rhino matches a call's arguments against their overloads and refuses
   * any other count with "Can't find method …" (the host object words it, HostObject.guestNoSuchOverload).
   */
  checksArity = false;
  /** Member names in table order (the order the editor lists them and the guest proxy defines them). */
  readonly names: readonly string[];

  constructor(
    /** The interface name the declarations give the class (`JavaString`, `ScriptMap`). */
    readonly name: string,
    members: Readonly<Record<string, MemberInit>>,
    /** Type parameters of the interface, e.g. `<T>`. */
    readonly typeParams = "",
    /** The interface's doc comment. */
    readonly doc?: string,
  ) {
    const byName = new Map<string, Member>();
    for (const [memberName, init] of Object.entries(members)) byName.set(memberName, describe(memberName, init));
    this.byName = byName;
    this.names = Object.freeze([...byName.keys()]);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): Member | undefined {
    return this.byName.get(name);
  }

  all(): IterableIterator<Member> {
    return this.byName.values();
  }

  /** Whether some overload of `name` takes `argc` arguments (false for a name the table lacks). */
  accepts(name: string, argc: number): boolean {
    const member = this.byName.get(name);
    if (!member) return false;
    return member.counts.has(argc) || (member.restFrom !== null && argc >= member.restFrom);
  }

  /** The same table, with Rhino's argument-count check (see checksArity). */
  withArityChecks(): MemberTable {
    const table = new MemberTable(this.name, this.specs(), this.typeParams, this.doc);
    table.checksArity = true;
    return table;
  }

  /** A table of the same class with more members (or other overloads of some): a subclass, a product's variant. */
  with(members: Readonly<Record<string, MemberInit>>, name = this.name, typeParams = this.typeParams, doc = this.doc): MemberTable {
    const table = new MemberTable(name, { ...this.specs(), ...members }, typeParams, doc);
    table.checksArity = this.checksArity;
    return table;
  }

  /** The same table without some members (a map whose keys shadow its methods; a Set, which has no get(int)). */
  without(names: readonly string[], name = this.name): MemberTable {
    const kept = Object.fromEntries(Object.entries(this.specs()).filter(([n]) => !names.includes(n)));
    const table = new MemberTable(name, kept, this.typeParams, this.doc);
    table.checksArity = this.checksArity;
    return table;
  }

  private specs(): Record<string, MemberSpec> {
    return Object.fromEntries([...this.byName].map(([n, m]) => [n, { overloads: m.overloads, doc: m.doc, hidden: m.hidden }]));
  }

  /**
   * The TypeScript interface the editor reads: one line per overload of every member that is not hidden, and
   * `extra` lines (properties such as `[key: string]: any`) after them.
   */
  declaration(extra: readonly string[] = []): string {
    const lines: string[] = [];
    if (this.doc) lines.push(`/** ${this.doc} */`);
    lines.push(`interface ${this.name}${this.typeParams} {`);
    for (const member of this.byName.values()) {
      if (member.hidden || member.name.startsWith("#")) continue;
      if (member.doc) lines.push(`  /** ${member.doc} */`);
      for (const signature of member.overloads) lines.push(`  ${member.name}${signature};`);
    }
    for (const line of extra) lines.push(`  ${line}`);
    lines.push("}");
    return lines.join("\n");
  }
}

function describe(name: string, init: MemberInit): Member {
  const spec: MemberSpec = typeof init === "string" ? { overloads: [init] } : isSignatureList(init) ? { overloads: init } : init;
  const counts = new Set<number>();
  let restFrom: number | null = null;
  for (const signature of spec.overloads) {
    const { required, optional, rest } = parameterCounts(signature, name);
    for (let n = required; n <= required + optional; n++) counts.add(n);
    if (rest) restFrom = Math.min(restFrom ?? Infinity, required);
  }
  return { name, overloads: spec.overloads, doc: spec.doc, hidden: spec.hidden, counts, restFrom };
}

function isSignatureList(init: MemberInit): init is readonly string[] {
  return Array.isArray(init);
}

/**
 * How many parameters a signature such as `<R>(a: string, b?: (x: T) => R, ...c: any[]): R` takes: its
 * top-level commas separate them; `?` marks an optional one and `...` a rest parameter.
 */
export function parameterCounts(signature: string, memberName = "?"): { required: number; optional: number; rest: boolean } {
  let at = 0;
  if (signature.startsWith("<")) at = closing(signature, 0, memberName) + 1;
  if (signature[at] !== "(") throw new Error(`Member ${memberName}: signature "${signature}" must start with its parameter list`);
  const end = closing(signature, at, memberName);
  const parameters = splitTopLevel(signature.slice(at + 1, end));
  let required = 0;
  let optional = 0;
  let rest = false;
  for (const parameter of parameters) {
    if (parameter.startsWith("...")) rest = true;
    else if (/^\w+\?/.test(parameter)) optional++;
    else required++;
  }
  return { required, optional, rest };
}

const OPENERS: Record<string, string> = { "(": ")", "<": ">", "{": "}", "[": "]" };

/** The index of the bracket closing the one at `start` (an arrow's `=>` is no closing `>`). */
function closing(text: string, start: number, memberName: string): number {
  const stack: string[] = [];
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "=" && text[i + 1] === ">") {
      i++;
      continue;
    }
    if (OPENERS[c]) stack.push(OPENERS[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  throw new Error(`Member ${memberName}: unbalanced brackets in signature "${text}"`);
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "=" && list[i + 1] === ">") {
      current += "=>";
      i++;
      continue;
    }
    if (OPENERS[c]) depth++;
    else if (c === ")" || c === ">" || c === "}" || c === "]") depth--;
    if (c === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** For host objects scripts call no method of (a class object that is only constructed, a bag of fields). */
export const NO_MEMBERS = new MemberTable("HostValue", {});

/**
 * A table whose members are not typed yet (any arguments, any result): a product's classes converted from
 * name lists, until the product describes their overloads.
 */
export function untypedMembers(name: string, names: readonly string[]): MemberTable {
  return new MemberTable(name, Object.fromEntries(names.map((n) => [n, n === "valueOf" || n.startsWith("#") ? HIDDEN : "(...args: any[]): any"])));
}

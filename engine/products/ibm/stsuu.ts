/**
 * IBM's STSUniversalUser (`stsuu`) as a classic mapping rule sees it: three attribute containers (principal,
 * attributes, context) of `Attribute(name, type, values)`. Reads return Java strings and `String[]` arrays, as
 * IBM's published rules expect (`values != null && values.length > 0`, `values[0]`). Reference flows-and-hooks.md
 * §C.2/§C.3, peers-and-anchors.md §6.1.
 */
import { GuestError } from "../../sandbox/host";
import { JavaArray, JavaCollection, JavaObject, JavaString, toStored } from "../../evaluators/legacy/java";
import { rhinoArgType } from "../../evaluators/rhino-arg-type";
import { IBM_ATTRIBUTE_CONTAINER_MEMBERS, IBM_ATTRIBUTE_MEMBERS, IBM_STSUU_MEMBERS } from "../../bindings/tables/ibm";

export const ATTRIBUTE_CLASS = "com.tivoli.am.fim.trustserver.sts.uuser.Attribute";
export const STSUU_CLASS = "com.tivoli.am.fim.trustserver.sts.uuser.STSUniversalUser";
const CONTAINER_CLASS = "com.tivoli.am.fim.trustserver.sts.uuser.AttributeContainer";

/** What a Java method typed String receives from a script value: Rhino's ToString of it (42 → "42"). */
export function javaStringArg(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const stored = toStored(value);
  return typeof stored === "string" ? stored : String(stored);
}

/** Attribute values as Rhino converts them for `new Attribute(name, type, value)`: one String, or a String[]. */
function valuesOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (value instanceof JavaArray || value instanceof JavaCollection) return value.items.map((v) => javaStringArg(v) ?? "null");
  if (Array.isArray(value)) return value.map((v) => javaStringArg(v) ?? "null");
  return [javaStringArg(value) ?? "null"];
}

function stringArray(values: readonly string[]): JavaArray {
  return new JavaArray("[Ljava.lang.String;", values.map((v) => new JavaString(v)));
}

export class IbmAttribute extends JavaObject {
  readonly members = IBM_ATTRIBUTE_MEMBERS;
  override readonly javaClass = ATTRIBUTE_CLASS;
  constructor(
    readonly name: string,
    readonly type: string,
    public values: string[],
  ) {
    super();
  }
  static construct(args: unknown[]): IbmAttribute {
    if (args.length !== 3 || args[0] === null || args[0] === undefined) {
      throw new GuestError(`Can't find constructor ${ATTRIBUTE_CLASS}(${args.map(rhinoArgType).join(",")}).`, "InternalError");
    }
    return new IbmAttribute(javaStringArg(args[0]) ?? "", javaStringArg(args[1]) ?? "", valuesOf(args[2]));
  }
  getName(): JavaString {
    return new JavaString(this.name);
  }
  getType(): JavaString {
    return new JavaString(this.type);
  }
  getValues(): JavaArray {
    return stringArray(this.values);
  }
  getValue(): JavaString | null {
    return this.values.length ? new JavaString(this.values[0]) : null;
  }
  addValue(value: unknown): void {
    this.values.push(...valuesOf(value));
  }
  setValues(value: unknown): void {
    this.values = valuesOf(value);
  }
  override toString(): string {
    return `Attribute[name=${this.name}, type=${this.type}, values=[${this.values.join(", ")}]]`;
  }
}

/** One container: attributes kept in insertion order; adding one with the same name and type replaces it. */
export class AttributeContainer extends JavaObject {
  readonly members = IBM_ATTRIBUTE_CONTAINER_MEMBERS;
  override readonly javaClass = CONTAINER_CLASS;
  readonly items: IbmAttribute[] = [];
  /** Called when an attribute replaces another of the same name and type (the playground's inference). */
  onReplace?: (attribute: IbmAttribute) => void;

  private find(name: unknown, type?: unknown): IbmAttribute[] {
    const n = javaStringArg(name);
    const t = type === undefined ? undefined : javaStringArg(type);
    return this.items.filter((a) => a.name === n && (t === undefined || a.type === t));
  }
  getAttributeValueByName(name: unknown): JavaString | null {
    const v = this.find(name)[0]?.values[0];
    return v === undefined ? null : new JavaString(v);
  }
  getAttributeValueByNameAndType(name: unknown, type: unknown): JavaString | null {
    const v = this.find(name, type)[0]?.values[0];
    return v === undefined ? null : new JavaString(v);
  }
  getAttributeValuesByName(name: unknown): JavaArray | null {
    const found = this.find(name);
    return found.length ? stringArray(found.flatMap((a) => a.values)) : null;
  }
  getAttributeValuesByNameAndType(name: unknown, type: unknown): JavaArray | null {
    const found = this.find(name, type);
    return found.length ? stringArray(found.flatMap((a) => a.values)) : null;
  }
  getAttributeByName(name: unknown): IbmAttribute | null {
    return this.find(name)[0] ?? null;
  }
  getAttributeByNameAndType(name: unknown, type: unknown): IbmAttribute | null {
    return this.find(name, type)[0] ?? null;
  }
  getAttributes(): JavaArray {
    return new JavaArray(`[L${ATTRIBUTE_CLASS};`, [...this.items]);
  }
  getAttributeNames(): JavaArray {
    return stringArray([...new Set(this.items.map((a) => a.name))]);
  }
  setAttribute(attribute: unknown): void {
    this.addAttribute(attribute);
  }
  addAttribute(attribute: unknown): void {
    if (!(attribute instanceof IbmAttribute)) {
      throw new GuestError(`Can't find method ${this.javaClass}.addAttribute(${rhinoArgType(attribute)}).`, "InternalError");
    }
    this.put(attribute);
  }
  /**
   * Host side: adds or replaces (same name and type).
   * @host the rule runner fills the container; scripts cannot call it.
   */
  put(attribute: IbmAttribute): void {
    const at = this.items.findIndex((a) => a.name === attribute.name && a.type === attribute.type);
    if (at >= 0) {
      this.items[at] = attribute;
      this.onReplace?.(attribute);
    } else this.items.push(attribute);
  }
  removeAttribute(attribute: unknown): boolean {
    const at = this.items.indexOf(attribute as IbmAttribute);
    if (at < 0) return false;
    this.items.splice(at, 1);
    return true;
  }
  removeAttributeByName(name: unknown): void {
    for (const a of this.find(name)) this.items.splice(this.items.indexOf(a), 1);
  }
  removeAttributeByNameAndType(name: unknown, type: unknown): void {
    for (const a of this.find(name, type)) this.items.splice(this.items.indexOf(a), 1);
  }
  size(): number {
    return this.items.length;
  }
  isEmpty(): boolean {
    return this.items.length === 0;
  }
  clear(): void {
    this.items.length = 0;
  }
  /**
   * Host side: values of the attributes of one type, by name.
   * @host the rule runner reads the container; scripts cannot call it.
   */
  ofType(type: string): IbmAttribute[] {
    return this.items.filter((a) => a.type === type);
  }
  override toString(): string {
    return `[${this.items.map((a) => a.toString()).join(", ")}]`;
  }
}

/** What the panels show of one container: each attribute with its type and values. */
export interface AttributeView {
  name: string;
  type: string;
  values: string[];
}

export class STSUniversalUser extends JavaObject {
  readonly members = IBM_STSUU_MEMBERS;
  override readonly javaClass = STSUU_CLASS;
  readonly principal = new AttributeContainer();
  readonly attributes = new AttributeContainer();
  readonly context = new AttributeContainer();

  constructor(principalName: string | null) {
    super();
    if (principalName !== null) this.principal.put(new IbmAttribute("name", "urn:ibm:names:ITFIM:5.1:accessmanager", [principalName]));
  }
  getAttributeContainer(): AttributeContainer {
    return this.attributes;
  }
  getContextAttributes(): AttributeContainer {
    return this.context;
  }
  getPrincipalAttributes(): AttributeContainer {
    return this.principal;
  }
  addAttribute(attribute: unknown): void {
    this.attributes.addAttribute(attribute);
  }
  addContextAttribute(attribute: unknown): void {
    this.context.addAttribute(attribute);
  }
  addPrincipalAttribute(attribute: unknown): void {
    this.principal.addAttribute(attribute);
  }
  getAttributeValueByName(name: unknown): JavaString | null {
    return this.attributes.getAttributeValueByName(name);
  }
  getAttributeValuesByName(name: unknown): JavaArray | null {
    return this.attributes.getAttributeValuesByName(name);
  }
  getPrincipalName(): JavaString | null {
    return this.principal.getAttributeValueByName("name");
  }
  setPrincipalName(name: unknown): void {
    this.principal.removeAttributeByName("name");
    this.principal.put(new IbmAttribute("name", "urn:ibm:names:ITFIM:5.1:accessmanager", [javaStringArg(name) ?? "null"]));
  }
  /** Empties every container (IBM's introspection denial clears the stsuu, then says active=false). */
  clear(): void {
    this.principal.clear();
    this.attributes.clear();
    this.context.clear();
  }
  /**
   * @host the result shows the user; scripts cannot call it.
   */
  view(): { principal: AttributeView[]; attributes: AttributeView[]; context: AttributeView[] } {
    const v = (c: AttributeContainer) => c.items.map((a) => ({ name: a.name, type: a.type, values: [...a.values] }));
    return { principal: v(this.principal), attributes: v(this.attributes), context: v(this.context) };
  }
  override toString(): string {
    return `STSUniversalUser[principal=${this.principal}, attributes=${this.attributes}, context=${this.context}]`;
  }
}

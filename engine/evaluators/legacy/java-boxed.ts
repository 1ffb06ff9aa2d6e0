/**
 * The boxed java.lang.Boolean and Number values (Double, Integer, Long) as a Rhino script meets them: objects
 * that compare loosely and convert as their value does. JavaNumber registers itself as what a script's number
 * becomes in Java, a Double (java-in.ts).
 */
import { javaDoubleString } from "../../token/values";
import { classProhibited } from "./java-exceptions";
import { JAVA_BOOLEAN_MEMBERS, JAVA_NUMBER_MEMBERS } from "../../bindings/tables/java";
import { doubleHashCode } from "./hash-order";
import { JavaObject, javaAliases } from "./java-object";
import { registerJavaDouble } from "./java-in";

/**
 * A boxed java.lang.Boolean, as Object-typed Java values hand them over (CHF's getJson()): typeof "object",
 * `=== false` false, and truthy even when false, as every object is in Rhino; String() reads "true"/"false".
 */
export class JavaBoolean extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (../host-budget.ts). */
  readonly members = JAVA_BOOLEAN_MEMBERS;
  override readonly javaClass = "java.lang.Boolean";
  override readonly guestAliases = javaAliases({ toString: "javaToString" });
  constructor(readonly value: boolean) {
    super();
  }
  booleanValue(): boolean {
    return this.value;
  }
  override guestLooseValue(): boolean {
    return this.value;
  }
  override valueOf(): boolean {
    return this.value;
  }
  override toString(): string {
    return String(this.value);
  }
  equals(other: unknown): boolean {
    return other instanceof JavaBoolean && other.value === this.value;
  }
  hashCode(): number {
    return this.value ? 1231 : 1237;
  }
  toJSON(): boolean {
    return this.value;
  }
  override guestPrimitive(hint: unknown): boolean | string {
    return hint === "string" ? String(this.value) : this.value;
  }
}

/**
 * A boxed Java number (what a JS number becomes once it has passed through Java as Object): typeof "object",
 * `=== 42` false, `== 42` and arithmetic work, String() gives Java's rendering ("42.0" for a Double).
 */
export class JavaNumber extends JavaObject {
  /** Shared by every instance: the run may hold hundreds of thousands of these (../host-budget.ts). */
  readonly members = JAVA_NUMBER_MEMBERS;
  override readonly javaClass: string;
  constructor(
    readonly value: number,
    javaClass: "java.lang.Double" | "java.lang.Integer" | "java.lang.Long" = "java.lang.Double",
  ) {
    super();
    this.javaClass = javaClass;
  }
  doubleValue(): number {
    return this.value;
  }
  override guestLooseValue(): number {
    return this.value;
  }
  intValue(): number {
    return Math.trunc(this.value) | 0;
  }
  longValue(): number {
    return Math.trunc(this.value);
  }
  override valueOf(): number {
    return this.value;
  }
  override toString(): string {
    if (this.javaClass !== "java.lang.Double") return String(this.value);
    return javaDoubleString(this.value);
  }
  equals(other: unknown): boolean {
    return other instanceof JavaNumber && other.value === this.value && other.javaClass === this.javaClass;
  }
  /** Integer: the value; Long: its two words xor-ed; Double: its bits' two words xor-ed (as Java). */
  hashCode(): number {
    if (this.javaClass === "java.lang.Double") return doubleHashCode(this.value);
    if (this.javaClass === "java.lang.Long") return Number(BigInt.asIntN(32, BigInt(this.value) ^ (BigInt.asUintN(64, BigInt(this.value)) >> 32n)));
    return this.value | 0;
  }
  /**
   * @host hash-order.ts places the value in a HashMap/HashSet table; scripts cannot call it.
   */
  javaHashKey(): number {
    return this.hashCode();
  }
  isNaN(): boolean {
    return Number.isNaN(this.value);
  }
  toJSON(): number {
    return this.value;
  }
  getClass(): never {
    throw classProhibited();
  }
  /**
   * Rhino converts a boxed number by hint: String(x) and [x].join() read Java's "42.0", while `x + ""`, `x + 1`
   * and `x == 42` read the number. The guest asks "#primitive" (Symbol.toPrimitive) for that, so toString()
   * can give the script a java.lang.String as Rhino does and valueOf() the number.
   */
  override readonly guestAliases = javaAliases({ toString: "javaToString" });
  override guestPrimitive(hint: unknown): number | string {
    return hint === "string" ? this.toString() : this.value;
  }
}

registerJavaDouble((value) => new JavaNumber(value));

/**
 * Every Java object's base as a Rhino script sees it (JavaObject: its toString() gives a java.lang.String, its
 * refusals and method texts read as Rhino's), and how Java renders any value it holds (renderJava). The
 * java.lang values (java-string.ts, java-boxed.ts), arrays (java-array.ts), collections and maps build on it.
 */
import { javaDoubleString } from "../../token/values";
import { GuestError, GuestReference, HostObject, convertsItself } from "../../sandbox/host";
import { nativeValueText } from "./native-values";
import { rhinoArgType } from "../rhino-arg-type";
import { chargeHost, identityHash } from "./java-runtime";
import { javaMethodOwner, javaMethodSource } from "./java-signatures";
import { OBJECT_BYTES } from "../host-budget";
import { newJavaString } from "./java-in";

/**
 * Guest names served by differently named host methods: in Rhino `x.toString()` is a Java method call and gives
 * the script a java.lang.String object, while the host keeps JavaScript's toString for its own rendering.
 * `valueOf` gives the guest's ToPrimitive a JS primitive (String(x), `x + ""`, `x == "…"`), as Rhino's
 * getDefaultValue does, since toString now answers with an object.
 */
const JAVA_ALIASES = javaAliases({ toString: "javaToString", valueOf: "javaValueOf" });

/** Null-prototype, so a guest name such as "constructor" never resolves to an inherited Object.prototype member. */
export function javaAliases(map: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, map));
}

/**
 * A Java object as a Rhino script sees it; subclasses list "toString" (a Java method giving a java.lang.String)
 * and "#primitive" among their guest methods. "#primitive" is how the guest converts the object (String(x),
 * `x + ""`, template literals, `x == "…"`, `x * 1`): as Rhino converts a Java object, through its Java
 * toString() — a number hint reads that text as a number, so most objects give NaN. It is the guest's
 * Symbol.toPrimitive, so no `valueOf` member shows (Rhino's Java objects have none).
 */
export abstract class JavaObject extends HostObject {
  override readonly guestAliases: Readonly<Record<string, string>> = JAVA_ALIASES;
  constructor() {
    super();
    // The sandbox keeps every host object the script is handed until the run ends (../host-budget.ts).
    chargeHost(OBJECT_BYTES);
  }
  javaToString(): HostObject {
    return newJavaString(String(this.toString()));
  }
  javaValueOf(): unknown {
    return String(this.toString());
  }
  guestPrimitive(_hint?: unknown): unknown {
    return String(this.toString());
  }
  /** Rhino's refusal of a call no overload of the Java method takes. */
  override guestNoSuchOverload(name: string, args: unknown[]): GuestError {
    return new GuestError(`Can't find method ${javaMethodOwner(this.javaClass, name)}.${name}(${args.map(rhinoArgType).join(",")}).`, "InternalError");
  }
  /** A method read as a value shows as Rhino shows a Java method (java-signatures.ts). */
  override guestMethodSource(name: string): string | null {
    return javaMethodSource(this.javaClass, name);
  }
  /**
   * @host What the object holds when AM stores it (java-stored.ts): a collection's or an array's items, a map's
   * entries; null for one stored as its class name. The conversions ask the object rather than test its class,
   * so they need not import the collections and maps, which convert their own arguments with them.
   */
  storedContents(): unknown[] | Map<string, unknown> | null {
    return null;
  }
  private ownHash: string | null = null;
  /** Object.toString(): the class name and an identity hash, as for a Java class that does not override it. */
  override toString(): string {
    return `${this.javaClass}@${(this.ownHash ??= identityHash())}`;
  }
}

/** String.valueOf(Object): how Java renders a value it holds (a JS number as the Double it became: "42.0"). */
export function renderJava(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof GuestReference) return nativeValueText(value);
  if (value instanceof HostObject) return String((value as unknown as { toString(): string }).toString());
  if (typeof value === "number") return javaDoubleString(value);
  // Java's toString of a NativeObject is "[object Object]" whatever the script's own toString does (or throws):
  // rhino -version 0 -e 'var l = new java.util.ArrayList(); l.add({ toString: function () { throw 1; } }); print(l)' → [[object Object]]
  if (convertsItself(value)) return "[object Object]";
  return String(value);
}


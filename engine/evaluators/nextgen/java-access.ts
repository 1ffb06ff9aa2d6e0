/**
 * Java access in next-generation scripts: `JavaImporter` and the package roots (`java`, `Packages`, …) behind AM's
 * next-generation class allow-list.
 *
 * Facts: a probe of a live AIC tenant found `JavaImporter` defined in next-generation scripts; the tenant's
 * `GET /am/json/contexts/OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN` lists `allowLists` = PromiseImpl, Promises$*,
 * java.lang.Object (reference Appendix C, 2026-07-07); a probe saw `new java.util.HashMap()` blocked.
 * Inferred: the package roots exist beside JavaImporter (Rhino's initStandardObjects defines them together, and an
 * allow-list naming java.lang.Object implies scripts can name classes). Rhino 1.7.14 behind that allow-list
 * answered the goldens in test/unit/nextgen-java.test.ts: a blocked class is a "[JavaPackage …]" object, calling
 * it fails, and JavaImporter refuses anything that is neither a class nor a package.
 *
 * The class and package objects are the legacy evaluator's (legacy/http.ts), given this allow-list.
 */
import { GuestError, HostObject } from "../../sandbox/host";
import type { RunContext } from "../context";
import { JavaClass } from "../legacy/classes";
import { javaPackages, type ClassAccess } from "../legacy/http";
import { JavaObject, identityHash } from "../legacy/java";
import { NO_MEMBERS } from "../../bindings/members";
import { JAVA_LANG_OBJECT_MEMBERS } from "../../bindings/tables/nextgen";

/** `allowLists` of OAUTH2_ACCESS_TOKEN_MODIFICATION_NEXT_GEN on the AIC tenant (reference Appendix C). */
export const NEXT_GEN_ALLOW_LIST: readonly string[] = ["org.forgerock.util.promise.PromiseImpl", "org.forgerock.util.promise.Promises$*", "java.lang.Object"];

function globMatches(glob: string, name: string): boolean {
  const re = new RegExp(`^${glob.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*?")}$`);
  return re.test(name);
}

export const NEXT_GEN_CLASS_ACCESS: ClassAccess = {
  visible: (name) => NEXT_GEN_ALLOW_LIST.some((glob) => globMatches(glob, name)),
  listName: "AM's next-generation allow-list (PromiseImpl, Promises$*, java.lang.Object)",
};

/** `new java.lang.Object()`: prints as java.lang.Object@<hash>, as in Rhino. */
class JavaLangObject extends JavaObject {
  readonly members = JAVA_LANG_OBJECT_MEMBERS;
  override readonly javaClass = "java.lang.Object";
  private readonly hash = identityHash();
  hashCode(): number {
    return parseInt(this.hash, 16) | 0;
  }
  equals(other: unknown): boolean {
    return other === this;
  }
  override toString(): string {
    return `java.lang.Object@${this.hash}`;
  }
}

/** Rhino's JavaImporter: refuses a value that is neither a Java class nor a package, then imports as legacy does. */
class NextGenJavaImporter extends HostObject {
  readonly members = NO_MEMBERS;
  override readonly javaClass = "org.mozilla.javascript.ImporterTopLevel";
  constructor(private readonly importer: HostObject) {
    super();
  }
  override guestConstruct(args: unknown[]): unknown {
    for (const arg of args) {
      const isPackage = arg instanceof HostObject && arg.javaClass.startsWith("[JavaPackage ");
      if (!(arg instanceof JavaClass) && !isPackage) {
        const shown = arg instanceof HostObject ? String(arg) : typeof arg === "object" && arg !== null ? "[object Object]" : String(arg);
        throw new GuestError(`"${shown}" is neither a class nor a package.`, "InternalError");
      }
    }
    return this.importer.guestConstruct?.(args);
  }
  override toString(): string {
    return "function JavaImporter() { [native code] }";
  }
}

/** The Java globals of a next-generation script. */
export function nextGenJava(ctx: RunContext): Record<string, unknown> {
  const classes = new Map<string, JavaClass>([["java.lang.Object", new JavaClass("java.lang.Object", () => new JavaLangObject())]]);
  const legacy = javaPackages(ctx, NEXT_GEN_CLASS_ACCESS, classes);
  return {
    Packages: legacy.Packages,
    java: legacy.java,
    javax: legacy.javax,
    org: legacy.org,
    com: legacy.com,
    JavaImporter: new NextGenJavaImporter(legacy.JavaImporter as HostObject),
  };
}

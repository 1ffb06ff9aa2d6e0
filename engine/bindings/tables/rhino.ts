/**
 * Member tables of the objects Rhino itself puts in a script's scope to reach Java: package objects,
 * JavaImporter and the importPackage/importClass functions. They have no Java methods; the sandbox's hooks
 * (`#instanceof`, `#primitive`) are all a script can invoke on them.
 */
import { HIDDEN, MemberTable } from "../members";

/** "#instanceof": `x instanceof java.util.Set` (a blocked name) is false in Rhino, not a TypeError. */
export const JAVA_PACKAGE_MEMBERS = new MemberTable("JavaPackage", { "#instanceof": HIDDEN, "#primitive": HIDDEN });

export const RHINO_FUNCTION_MEMBERS = new MemberTable("RhinoFunction", { "#primitive": HIDDEN });

/** Member tables of the bindings both evaluators share. */
import { MemberTable } from "../members";

export const SYSTEM_ENV_MEMBERS = new MemberTable("SystemEnv", {
  getProperty: {
    overloads: ["(name: string): any", "(name: string, defaultValue: any): any", "(name: string, defaultValue: any, returnType: any): any"],
    doc: 'An ESV-style property (e.g. "esv.my.variable"), or the default, or null.',
  },
});

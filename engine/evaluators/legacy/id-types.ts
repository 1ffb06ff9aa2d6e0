// The IdType constants on their own: the identity bindings and the HTTP client's identity lookups both use them.
import { JavaObject, JavaString } from "./java";
import { ID_TYPE_MEMBERS } from "../../bindings/tables/am-legacy";

/** com.sun.identity.idm.IdType constants. */
export class IdType extends JavaObject {
  readonly members = ID_TYPE_MEMBERS;
  override readonly javaClass = "com.sun.identity.idm.IdType";
  constructor(readonly name: string) {
    super();
  }
  getName(): JavaString {
    return new JavaString(this.name);
  }
  override toString(): string {
    return this.name;
  }
  equals(other: unknown): boolean {
    return other instanceof IdType && other.name === this.name;
  }
}

export const ID_TYPES = { USER: new IdType("user"), GROUP: new IdType("group"), ROLE: new IdType("role"), AGENT: new IdType("agent") };

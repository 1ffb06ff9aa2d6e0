/**
 * What a legacy session's getTokenID() hands out: AM's SSOToken.getTokenID() returns an SSOTokenID (reference
 * §1.6, SSOToken), a com.iplanet.sso.providers.dpro.SSOTokenIDImpl (a class AM's allow-list names), not a
 * java.lang.String: its toString() is the session id, String methods such as length() are not there.
 */
import { JavaObject, JavaString } from "./java";
import { SSO_TOKEN_ID_MEMBERS } from "../../bindings/tables/am-legacy";

export class SSOTokenIDImpl extends JavaObject {
  readonly members = SSO_TOKEN_ID_MEMBERS;
  override readonly javaClass = "com.iplanet.sso.providers.dpro.SSOTokenIDImpl";
  constructor(private readonly id: string) {
    super();
  }
  override toString(): string {
    return this.id;
  }
  equals(other: unknown): boolean {
    return other instanceof SSOTokenIDImpl && other.id === this.id;
  }
  /** Rhino 1.7.14's JSON.stringify writes a Java object it has no JSON form for as its toString() text. */
  toJSON(): string {
    return this.id;
  }
  hashCode(): number {
    return new JavaString(this.id).hashCode();
  }
}

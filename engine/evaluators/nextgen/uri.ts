/**
 * `requestProperties.requestUri` when the scenario says AM hands it over as a java.net.URI
 * (`request.uriType: "java.net.URI"`). Ping's docs say the value is "the URI as a string", which is the
 * default; at least one production script calls `.getHost()` on it, which only works on a URI object, so a
 * scenario may choose the type the docs leave open. The accessors follow java.net.URI's documented results.
 */
import { HostObject } from "../../sandbox/host";
import { JAVA_URI_MEMBERS } from "../../bindings/tables/nextgen";

/**
 * The java.net.URI methods a script may call on requestUri (for the hint when it is a string): the table's
 * accessors, and toURL, which the playground does not emulate (its java.net.URL is off AM's allow-list).
 */
export const URI_METHODS: readonly string[] = [...JAVA_URI_MEMBERS.names.filter((m) => !["toString", "equals", "#primitive"].includes(m)), "toURL"];

export class JavaUri extends HostObject {
  readonly members = JAVA_URI_MEMBERS;
  override readonly javaClass = "java.net.URI";
  private readonly url: URL;

  constructor(readonly text: string) {
    super();
    this.url = new URL(text);
  }

  getScheme(): string {
    return this.url.protocol.replace(/:$/, "");
  }
  getHost(): string {
    return this.url.hostname;
  }
  /** -1 when the URI names no port, as java.net.URI answers. */
  getPort(): number {
    return this.url.port === "" ? -1 : Number(this.url.port);
  }
  getRawPath(): string {
    return this.url.pathname;
  }
  getPath(): string {
    return decodeURIComponent(this.url.pathname);
  }
  getRawQuery(): string | null {
    return this.url.search === "" ? null : this.url.search.slice(1);
  }
  getQuery(): string | null {
    const raw = this.getRawQuery();
    return raw === null ? null : decodeURIComponent(raw);
  }
  getRawFragment(): string | null {
    return this.url.hash === "" ? null : this.url.hash.slice(1);
  }
  getFragment(): string | null {
    const raw = this.getRawFragment();
    return raw === null ? null : decodeURIComponent(raw);
  }
  getUserInfo(): string | null {
    if (!this.url.username) return null;
    return decodeURIComponent(this.url.password ? `${this.url.username}:${this.url.password}` : this.url.username);
  }
  getRawAuthority(): string {
    const user = this.url.username ? `${this.url.username}${this.url.password ? `:${this.url.password}` : ""}@` : "";
    return `${user}${this.url.host}`;
  }
  getAuthority(): string {
    return decodeURIComponent(this.getRawAuthority());
  }
  isAbsolute(): boolean {
    return true;
  }
  toASCIIString(): string {
    return this.text;
  }
  equals(other: unknown): boolean {
    return other instanceof JavaUri && other.text === this.text;
  }
  /** `"" + uri` and String(uri) give the URI text, as Rhino converts a Java object through toString(). */
  guestPrimitive(): string {
    return this.text;
  }
  override toString(): string {
    return this.text;
  }
}

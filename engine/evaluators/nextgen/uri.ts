/**
 * `requestProperties.requestUri` when the scenario says AM hands it over as a java.net.URI
 * (`request.uriType: "java.net.URI"`). Ping's docs say the value is "the URI as a string", which is the
 * default; at least one production script calls `.getHost()` on it, which only works on a URI object, so a
 * scenario may choose the type the docs leave open. The accessors follow java.net.URI's documented results.
 */
import { HostObject } from "../../sandbox/host";

/** The java.net.URI methods a script can call here; a string requestUri lacks all of them. */
export const URI_METHODS = [
  "getScheme",
  "getHost",
  "getPort",
  "getPath",
  "getRawPath",
  "getQuery",
  "getRawQuery",
  "getFragment",
  "getRawFragment",
  "getAuthority",
  "getRawAuthority",
  "getUserInfo",
  "isAbsolute",
  "toASCIIString",
  "toURL",
] as const;

export class JavaUri extends HostObject {
  readonly guestMethods = [...URI_METHODS.filter((m) => m !== "toURL"), "toString", "equals", "#primitive"];
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

/**
 * requestProperties.requestUri of a legacy script: a java.lang.String here, as AM's docs call it (the request URI
 * in a map of request properties) and as a live AIC probe declared it (agiledigital-labs/pingone-aic-manager,
 * the legacy access-token modification d.ts: `requestUri: JavaString`). A published AIC customer script (the KYID
 * access-token modification script, public-code index file 53884051542) calls
 * requestProperties.get('requestUri').getHost() on its main path, as on a java.net.URI, a class AM's allow-list
 * names. Which of the two AM hands is not known here, so a java.net.URI method called on it fails as Rhino fails
 * it on a String, and the run says why.
 */
import { warn, type RunContext } from "../context";
import { JavaString } from "./java-string";

/** java.net.URI's own public methods (JDK 17), none of which java.lang.String has. */
const URI_METHODS: ReadonlySet<string> = new Set([
  "getHost",
  "getPort",
  "getPath",
  "getRawPath",
  "getScheme",
  "getQuery",
  "getRawQuery",
  "getFragment",
  "getRawFragment",
  "getAuthority",
  "getRawAuthority",
  "getUserInfo",
  "getRawUserInfo",
  "getSchemeSpecificPart",
  "getRawSchemeSpecificPart",
  "isAbsolute",
  "isOpaque",
  "normalize",
  "resolve",
  "relativize",
  "parseServerAuthority",
  "toURL",
  "toASCIIString",
]);

export class RequestUriString extends JavaString {
  constructor(
    private readonly ctx: RunContext,
    value: string,
  ) {
    super(value);
  }

  override guestMissingMethod(name: string): void {
    if (!URI_METHODS.has(name)) return;
    warn(
      this.ctx,
      "request-uri-class",
      `requestProperties.requestUri.${name}(): the playground hands requestUri as a java.lang.String, as AM's docs describe it and a live AIC probe declared it, so ${name}() fails here as Rhino fails it on a String. A published AIC script (an access-token modification script calling requestProperties.get('requestUri').getHost() on its main path) treats it as a java.net.URI, a class AM's allow-list names; if your AM hands a URI, the call works there: set "request": { "uriType": "java.net.URI" } in the scenario. Check on your AM, or read the host from the text (String(uri).split('/')[2]).`,
    );
  }
}

package org.forgerock.http.protocol;

import java.net.URISyntaxException;

/** Stand-in for CHF's Request: setters chain; setEntity takes a String (other values as their toString). */
public final class Request {
  private String uri = "";
  private String method = "GET";
  private final Headers headers = new Headers();
  private Entity entity = new Entity("");

  public Request setUri(String uri) throws URISyntaxException {
    new java.net.URI(uri);
    this.uri = uri;
    return this;
  }
  public Request setMethod(String method) { this.method = method; return this; }
  public String getMethod() { return method; }
  public Headers getHeaders() { return headers; }
  public Request setEntity(Object value) { entity = new Entity(String.valueOf(value)); return this; }
  public Entity getEntity() { return entity; }

  /** For the stand-in client only. */
  public String uriText() { return uri; }
  /** CHF: the request's URI as an org.forgerock.http.MutableUri. */
  public org.forgerock.http.MutableUri getUri() { return new org.forgerock.http.MutableUri(uri); }
}

package org.forgerock.http.protocol;

/** Stand-in for CHF's Response. */
public final class Response {
  private final Status status;
  private final Entity entity;
  private final Headers headers = new Headers();

  public Response(Status status, String body) {
    this.status = status;
    this.entity = new Entity(body);
  }

  public Status getStatus() { return status; }
  public Entity getEntity() { return entity; }
  public Headers getHeaders() { return headers; }
}

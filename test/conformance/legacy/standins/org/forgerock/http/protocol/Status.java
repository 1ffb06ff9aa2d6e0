package org.forgerock.http.protocol;

import java.util.HashMap;
import java.util.Map;

/** Stand-in for CHF's Status: one constant per code, so identity comparison works as in CHF. */
public final class Status {
  private static final Map<Integer, Status> BY_CODE = new HashMap<>();
  public static final Status OK = define(200, "OK");
  public static final Status CREATED = define(201, "Created");
  public static final Status NO_CONTENT = define(204, "No Content");
  public static final Status BAD_REQUEST = define(400, "Bad Request");
  public static final Status UNAUTHORIZED = define(401, "Unauthorized");
  public static final Status FORBIDDEN = define(403, "Forbidden");
  public static final Status NOT_FOUND = define(404, "Not Found");
  public static final Status INTERNAL_SERVER_ERROR = define(500, "Internal Server Error");

  private final int code;
  private final String reasonPhrase;

  private Status(int code, String reasonPhrase) {
    this.code = code;
    this.reasonPhrase = reasonPhrase;
  }

  private static Status define(int code, String reason) {
    Status s = new Status(code, reason);
    BY_CODE.put(code, s);
    return s;
  }

  public static Status valueOf(int code) {
    Status s = BY_CODE.get(code);
    return s != null ? s : new Status(code, "Unknown");
  }

  public int getCode() { return code; }
  public String getReasonPhrase() { return reasonPhrase; }
  public boolean isSuccessful() { return code >= 200 && code < 300; }
  public boolean isClientError() { return code >= 400 && code < 500; }
  public boolean isServerError() { return code >= 500; }
}

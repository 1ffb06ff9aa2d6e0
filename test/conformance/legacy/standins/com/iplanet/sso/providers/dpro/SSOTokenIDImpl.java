package com.iplanet.sso.providers.dpro;

/** Stand-in for AM's SSOTokenIDImpl, what SSOToken.getTokenID() returns: toString() is the session id. */
public final class SSOTokenIDImpl {
  private final String id;

  public SSOTokenIDImpl(String id) { this.id = id; }

  @Override public String toString() { return id; }
  @Override public boolean equals(Object o) { return o instanceof SSOTokenIDImpl && ((SSOTokenIDImpl) o).id.equals(id); }
  @Override public int hashCode() { return id.hashCode(); }
}

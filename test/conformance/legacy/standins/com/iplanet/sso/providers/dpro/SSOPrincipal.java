package com.iplanet.sso.providers.dpro;

/** Stand-in: the java.security.Principal SSOToken.getPrincipal() returns in AM (not on AM's allow-list). */
public final class SSOPrincipal implements java.security.Principal {
  private final String name;
  public SSOPrincipal(String name) { this.name = name; }
  public String getName() { return name; }
  @Override public String toString() { return name; }
}

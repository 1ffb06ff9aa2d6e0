package com.sun.identity.idm;

/** Stand-in for AM's IdType: the constants scripts pass to getMemberships. */
public final class IdType {
  public static final IdType USER = new IdType("user");
  public static final IdType GROUP = new IdType("group");
  public static final IdType ROLE = new IdType("role");
  public static final IdType AGENT = new IdType("agent");

  private final String name;

  private IdType(String name) { this.name = name; }

  public String getName() { return name; }
}

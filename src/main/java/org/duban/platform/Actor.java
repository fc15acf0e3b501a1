package org.duban.platform;

/** Who acts: the user name, role, the unit of a reporter, and the client address. */
public record Actor(String username, String role, String unitCode, String clientIp) {

  public static Actor system(String what) {
    return new Actor("system:" + what, "SYSTEM", null, null);
  }

  public boolean is(String someRole) {
    return someRole.equals(role);
  }
}

package org.duban.platform;

/**
 * Who acts: the user name, role, the unit of a reporter, the client address, and the region the
 * account is limited to (null: the whole province).
 */
public record Actor(String username, String role, String unitCode, String clientIp, String regionCode) {

  public Actor(String username, String role, String unitCode, String clientIp) {
    this(username, role, unitCode, clientIp, null);
  }

  public static Actor system(String what) {
    return new Actor("system:" + what, "SYSTEM", null, null, null);
  }

  public boolean is(String someRole) {
    return someRole.equals(role);
  }
}

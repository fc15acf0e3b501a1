package org.duban.platform;

/**
 * A security-relevant fact outside any business transaction (a login, a failed login, a request
 * refused with 401 or 403), fired as a CDI event; the audit trail records it.
 */
public record SecurityNotice(String actor, String clientIp, String action, String target, String result, String detail) {

  /** The identity attribute of a user who must change its password before anything else (LoginGuard). */
  public static final String PASSWORD_CHANGE_REQUIRED = "duban.password-change-required";
}

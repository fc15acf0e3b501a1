package org.duban.identity;

import org.duban.platform.Role;
import java.time.Instant;

/**
 * What signing in needs to know about an account, read in one query: its role and unit, the
 * automatic lockout, the password's age, the instant before which no session counts, the security
 * administrator's lock, the second factor, and whether demo mode made it.
 */
public record AccountState(
    String username,
    String role,
    String unit,
    int failedLogins,
    Instant lockedUntil,
    Instant passwordChangedAt,
    boolean mustChangePassword,
    Instant sessionsValidAfter,
    Instant disabledAt,
    boolean totpEnrolled,
    boolean demo,
    String region) {

  /** The three administrators (三员) sign in with a second factor. */
  public boolean administrator() {
    return Role.ADMIN_.equals(role) || Role.SECURITY_.equals(role) || Role.AUDITOR_.equals(role);
  }
}

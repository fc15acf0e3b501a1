package org.duban.identity;

import java.time.Duration;
import java.time.Instant;
import org.duban.platform.Restriction;

/**
 * Who may come in, decided in one place from the account and the mechanism that authenticated the
 * request (never from which headers happen to be present). Pure: no database, no clock of its own.
 *
 * <ul>
 *   <li>A security administrator's lock refuses everything: passwords, sessions, tokens.
 *   <li>The automatic lockout after failed sign-ins refuses a password only; sessions and tokens
 *       that exist go on working, so that an attacker guessing cannot throw the user out.
 *   <li>A session created before the account's last logout, password change, reset or lock is
 *       refused, forever.
 *   <li>An expired or reset password allows only changing it (not for tokens: they prove no password),
 *       but an enrolled second factor is asked first: a password alone never changes a password.
 *   <li>The three administrators, and whoever enrolled a second factor, need it: a page session made
 *       with the code, or a token created from such a session; a password alone (Basic) is refused
 *       for them. Demo accounts are exempt, in demo mode only.
 * </ul>
 */
public final class AccessPolicy {

  /** How the request proved who it is. */
  public enum Mechanism {
    /** the login form: password (and code) checked now */
    FORM,
    /** HTTP Basic on the API: password checked now */
    BASIC,
    /** a page session cookie */
    SESSION,
    /** a personal API token (duban_...) */
    TOKEN,
    /** a bearer token of the single sign-on provider */
    SSO;

    public boolean password() {
      return this == FORM || this == BASIC;
    }
  }

  /** Refused (with a reason for the log and the audit), or allowed with or without a restriction. */
  public record Decision(boolean refused, String reason, Restriction restriction) {
    static Decision refuse(String reason) {
      return new Decision(true, reason, null);
    }

    static Decision allow(Restriction restriction) {
      return new Decision(false, null, restriction);
    }
  }

  private AccessPolicy() {}

  /**
   * @param twoFactor whether the session was made with a second factor, or the token created from
   *     such a session (for FORM: whether the code was checked)
   * @param issuedAt when the session or token was created (null for password mechanisms)
   */
  public static Decision decide(AccountState a, Mechanism m, boolean twoFactor, Instant issuedAt, Instant now,
      int maxPasswordAgeDays, boolean demoMode) {
    if (a.disabledAt() != null) {
      return Decision.refuse("locked by the security administrator");
    }
    if (m.password() && a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
      return Decision.refuse("account locked after failed sign-ins");
    }
    if (m == Mechanism.SESSION && a.sessionsValidAfter() != null && (issuedAt == null || issuedAt.isBefore(a.sessionsValidAfter()))) {
      return Decision.refuse("session from before the account's last logout, password change, reset or lock");
    }
    boolean proven = switch (m) {
      case FORM, SESSION, TOKEN -> twoFactor;
      case BASIC, SSO -> false;
    };
    boolean secondFactorMissing = needsSecondFactor(a, demoMode) && !proven;
    // an enrolled second factor comes first: a password alone may not even change the password
    if (secondFactorMissing && a.totpEnrolled()) {
      return Decision.allow(Restriction.SECOND_FACTOR);
    }
    if (m != Mechanism.TOKEN && m != Mechanism.SSO && passwordMustChange(a, now, maxPasswordAgeDays)) {
      return Decision.allow(Restriction.PASSWORD_CHANGE);
    }
    if (secondFactorMissing) {
      return Decision.allow(Restriction.ENROL_SECOND_FACTOR);
    }
    return Decision.allow(null);
  }

  public static boolean needsSecondFactor(AccountState a, boolean demoMode) {
    if (demoMode && a.demo()) {
      return false;
    }
    return a.administrator() || a.totpEnrolled();
  }

  public static boolean passwordMustChange(AccountState a, Instant now, int maxPasswordAgeDays) {
    boolean expired = maxPasswordAgeDays > 0 && a.passwordChangedAt() != null
        && a.passwordChangedAt().plus(Duration.ofDays(maxPasswordAgeDays)).isBefore(now);
    return a.mustChangePassword() || expired;
  }
}

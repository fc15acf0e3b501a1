package org.duban.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import org.duban.platform.Restriction;
import org.duban.platform.SecurityNotice;
import org.duban.platform.TrackerConfig;
import org.duban.platform.WallClock;

/**
 * The login form: user name, password and, for an account with a second factor, the code. Every
 * wrong answer looks the same (unknown user, wrong password, wrong code, locked account); a wrong
 * password or code counts against the account and the address, a refusal of a right one does not.
 * A success makes a page session and says where to go first.
 */
@ApplicationScoped
public class SignIn {

  /** What the form did: the session cookie and the first page, or nothing (a failure). */
  public record Outcome(String cookie, String landing) {
    public boolean ok() {
      return cookie != null;
    }
  }

  /** A bcrypt hash of nothing anyone knows: an unknown user costs as much as a known one. */
  private static final String DUMMY_HASH = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());

  private final AuthSql sql;
  private final UserRepository users;
  private final SecondFactor secondFactor;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final Event<SecurityNotice> notices;
  private final Clock clock;
  private final TrackerConfig config;

  public SignIn(AuthSql sql, UserRepository users, SecondFactor secondFactor, Sessions sessions, LoginThrottle throttle,
      Event<SecurityNotice> notices, @WallClock Clock clock, TrackerConfig config) {
    this.sql = sql;
    this.users = users;
    this.secondFactor = secondFactor;
    this.sessions = sessions;
    this.throttle = throttle;
    this.notices = notices;
    this.clock = clock;
    this.config = config;
  }

  public Outcome signIn(String username, String password, String code, String clientIp) {
    String name = username == null ? "" : username.strip();
    if (name.isEmpty() || name.length() > 64 || password == null || password.length() > 1024) {
      return failed(name.isEmpty() ? null : name.substring(0, Math.min(64, name.length())), clientIp, "form: no user name or password");
    }
    AccountState account = io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> sql.account(name).orElse(null));
    String hash = account == null ? null
        : io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> users.findByUsername(name).map(u -> u.passwordHash).orElse(null));
    boolean passwordRight = BcryptUtil.matches(password, hash != null ? hash : DUMMY_HASH) && hash != null;
    if (!passwordRight) {
      return failed(name, clientIp, "form: wrong user name or password");
    }
    boolean demoMode = config.demo().enabled();
    boolean twoFactor = false;
    if (account.totpEnrolled() && AccessPolicy.needsSecondFactor(account, demoMode)) {
      if (code == null || code.isBlank()) {
        return failed(name, clientIp, "form: no second-factor code");
      }
      if (!secondFactor.check(name, code)) {
        return failed(name, clientIp, "form: wrong second-factor code");
      }
      twoFactor = true;
    }
    AccessPolicy.Decision d = AccessPolicy.decide(account, AccessPolicy.Mechanism.FORM, twoFactor, clock.instant(), clock.instant(),
        config.login().passwordMaxAgeDays(), demoMode);
    if (d.refused()) {
      throttle.failed(clientIp); // as any password that did not get in (see DubanAuthMechanism)
      notices.fireAsync(new SecurityNotice(name, clientIp, "LOGIN_FAILED", "POST /j_security_check", "REFUSED", "form: " + d.reason()));
      return new Outcome(null, null);
    }
    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> sql.passwordSucceeded(name));
    String cookie = sessions.create(name, twoFactor, clientIp);
    notices.fireAsync(new SecurityNotice(name, clientIp, "LOGIN", "POST /j_security_check", "OK",
        "form" + (twoFactor ? ", second factor" : "")));
    Restriction r = d.restriction();
    return new Outcome(cookie, r == null ? "/staff" : r.page());
  }

  /** Password and code both right (with Basic, to create a token): the failures in a row start again. */
  public void succeeded(String name) {
    io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().run(() -> sql.passwordSucceeded(name));
  }

  /** A wrong second-factor code given elsewhere (with Basic, to create a token): it counts like a wrong password. */
  public void codeFailed(String name, String clientIp, String target) {
    throttle.failed(clientIp);
    notices.fireAsync(new SecurityNotice(name, clientIp, "LOGIN_FAILED", target, "FAILED", "basic: wrong second-factor code"));
  }

  private Outcome failed(String name, String clientIp, String detail) {
    throttle.failed(clientIp);
    notices.fireAsync(new SecurityNotice(name, clientIp, "LOGIN_FAILED", "POST /j_security_check", "FAILED", detail));
    return new Outcome(null, null);
  }
}

package org.duban.identity;

import org.duban.platform.Refused;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.duban.platform.Restriction;
import org.duban.platform.SecurityNotice;
import org.duban.platform.TrackerConfig;
import org.duban.platform.WallClock;

/**
 * The access policy applied to every identity, whatever made it ({@link AccessPolicy} decides; this
 * class reads the account and carries the decision out). A refusal answers exactly like a wrong
 * password. A restricted identity keeps its name but loses its role, so it may only lift the
 * restriction. Only a password checked right resets the count of failures in a row.
 *
 * <p>Also counts failed passwords against the account: TRACKER_LOGIN_MAX_FAILURES in a row lock
 * password sign-in for TRACKER_LOGIN_LOCK_MINUTES (sessions and tokens of the account go on working).
 */
@ApplicationScoped
public class LoginGuard implements SecurityIdentityAugmentor {

  private final AuthSql sql;
  private final Clock clock;
  private final TrackerConfig.Login config;
  private final boolean demoMode;
  private final Event<SecurityNotice> notices;

  public LoginGuard(AuthSql sql, @WallClock Clock clock, TrackerConfig config, Event<SecurityNotice> notices) {
    this.sql = sql;
    this.clock = clock;
    this.config = config.login();
    this.demoMode = config.demo().enabled();
    this.notices = notices;
  }

  @Override
  public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
    return augment(identity, context, Map.of());
  }

  @Override
  public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
    if (identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    AccessPolicy.Mechanism m = identity.getCredential(AccessTokenCredential.class) != null
        ? AccessPolicy.Mechanism.SSO
        : mechanismOf(identity, attributes);
    if (m == null) {
      // an identity from somewhere this class does not know: it gets no role here
      return Uni.createFrom().failure(Refused.because("unknown authentication mechanism"));
    }
    AccountState known = identity.getAttribute(Identities.ACCOUNT);
    if (known != null && !m.password()) {
      // a session or token: its provider read the account in the same query; nothing to write
      return Uni.createFrom().item(() -> decide(identity, known, m));
    }
    return context.runBlocking(() -> QuarkusTransaction.joiningExisting().call(() -> {
      AccountState account = known != null ? known : sql.account(identity.getPrincipal().getName())
          .orElseThrow(() -> Refused.because(m == AccessPolicy.Mechanism.SSO ? "no local account for this identity" : "no such account"));
      SecurityIdentity decided = decide(identity, account, m);
      // a right password resets the failures in a row, unless the sign-in still needs its code: a
      // guesser who has the password must not reset the count of wrong codes with each guess
      if (m.password() && Identities.restriction(decided) != Restriction.SECOND_FACTOR) {
        sql.passwordSucceeded(account.username());
      }
      return decided;
    }));
  }

  private SecurityIdentity decide(SecurityIdentity identity, AccountState account, AccessPolicy.Mechanism m) {
    boolean twoFactor = Boolean.TRUE.equals(identity.getAttribute(Identities.TWO_FACTOR));
    Instant issuedAt = identity.getAttribute(Identities.ISSUED_AT);
    AccessPolicy.Decision d = AccessPolicy.decide(account, m, twoFactor, issuedAt, clock.instant(), config.passwordMaxAgeDays(), demoMode);
    if (d.refused()) {
      throw Refused.because(d.reason());
    }
    QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
        .setPrincipal(identity.getPrincipal())
        .addCredentials(identity.getCredentials())
        .addAttributes(identity.getAttributes())
        .addAttribute(Identities.MECHANISM, m)
        .addAttribute(Identities.ACCOUNT, account);
    if (d.restriction() != null) {
      b.addAttribute(Restriction.ATTRIBUTE, d.restriction());
    } else {
      b.addRole(account.role());
    }
    return b.build();
  }

  private static AccessPolicy.Mechanism mechanismOf(SecurityIdentity identity, Map<String, Object> attributes) {
    Object m = attributes == null ? null : attributes.get(Identities.MECHANISM);
    if (m == null) {
      m = identity.getAttribute(Identities.MECHANISM);
    }
    return m instanceof AccessPolicy.Mechanism mech ? mech : null;
  }

  /**
   * A failed sign-in (LOGIN_FAILED with result FAILED: a wrong password or code, with the user name
   * it tried): one more against the account; the last allowed one locks. A right password refused
   * (result REFUSED) is not counted.
   */
  void onFailure(@ObservesAsync SecurityNotice n) {
    if (!"LOGIN_FAILED".equals(n.action()) || !"FAILED".equals(n.result()) || n.actor() == null) {
      return;
    }
    Instant now = clock.instant();
    Optional<Integer> count = QuarkusTransaction.requiringNew().call(() ->
        sql.passwordFailed(n.actor(), config.maxFailures(), now.plus(Duration.ofMinutes(config.lockMinutes())), now));
    if (count.isPresent() && count.get() == config.maxFailures()) {
      notices.fireAsync(new SecurityNotice(n.actor(), n.clientIp(), "LOCKED", n.target(), "LOCKED",
          config.maxFailures() + " failed sign-ins in a row; password sign-in locked for " + config.lockMinutes() + " minutes"));
    }
  }
}

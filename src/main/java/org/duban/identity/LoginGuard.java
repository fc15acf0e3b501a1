package org.duban.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.duban.platform.ClientAddress;
import org.duban.platform.SecurityNotice;
import org.duban.platform.TrackerConfig;

/**
 * Account lockout and login throttling. Every failed login (form or Basic; see the audit's
 * LOGIN_FAILED notices) counts against the account; TRACKER_LOGIN_MAX_FAILURES in a row lock it for
 * TRACKER_LOGIN_LOCK_MINUTES. Every authentication (also a session cookie) passes through
 * {@link #augment}: a locked account, or a client address with too many failures, fails exactly as
 * a wrong password does, so unknown user, wrong password and locked account look the same.
 */
@ApplicationScoped
public class LoginGuard implements SecurityIdentityAugmentor {

  private final EntityManager em;
  private final Clock clock;
  private final TrackerConfig.Login config;
  private final ClientAddress clients;
  private final Event<SecurityNotice> notices;
  private final Cache<String, AtomicInteger> failuresByAddress;
  private final int maxPasswordAgeDays;

  /** The identity attribute of a user who must change its password before anything else. */
  public static final String PASSWORD_CHANGE_REQUIRED = SecurityNotice.PASSWORD_CHANGE_REQUIRED;

  public LoginGuard(EntityManager em, Clock clock, TrackerConfig config, ClientAddress clients, Event<SecurityNotice> notices) {
    this.em = em;
    this.clock = clock;
    this.config = config.login();
    this.maxPasswordAgeDays = config.login().passwordMaxAgeDays();
    this.clients = clients;
    this.notices = notices;
    this.failuresByAddress = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).maximumSize(100_000).build();
  }

  @Override
  public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
    return augment(identity, context, java.util.Map.of());
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context, java.util.Map<String, Object> attributes) {
    if (identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    RoutingContext http = attributes == null ? null : HttpSecurityUtils.getRoutingContextAttribute(attributes);
    if (http == null) {
      http = HttpSecurityUtils.getRoutingContextAttribute(identity);
    }
    if (http == null && io.quarkus.arc.Arc.container().requestContext().isActive()) {
      http = io.quarkus.arc.Arc.container().instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get().getCurrent();
    }
    String address = http == null ? null : clients.of(http.request());
    // how this request authenticated: the login form, HTTP Basic, or else the session cookie
    boolean formLogin = http != null && "/j_security_check".equals(http.request().path());
    boolean sessionCookie = http != null && !formLogin && http.request().getHeader("Authorization") == null;
    return context.runBlocking(() -> {
      if (address != null) {
        AtomicInteger n = failuresByAddress.getIfPresent(address);
        if (n != null && n.get() >= config.maxFailuresPerAddress()) {
          throw new AuthenticationFailedException("too many failed logins from this address");
        }
      }
      String user = identity.getPrincipal().getName();
      if (identity.getCredential(io.quarkus.oidc.AccessTokenCredential.class) != null) {
        return fromSso(identity, user);
      }
      // 0: fine, 1: locked, 2: the password must be changed (expired, or reset by an administrator),
      // 3: a session cookie of an account that has signed out since
      int state = QuarkusTransaction.joiningExisting().call(() -> {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select failed_logins, locked_until, password_changed_at, must_change_password, logged_out_at from app_user where username = ?1")
            .setParameter(1, user).getResultList();
        if (rows.isEmpty()) {
          return 0;
        }
        Object[] r = rows.get(0);
        Instant now = Instant.now(clock);
        if (sessionCookie && r[4] != null) {
          return 3; // logged out: the cookie no longer counts
        }
        if (formLogin && r[4] != null) {
          em.createNativeQuery("update app_user set logged_out_at = null where username = ?1").setParameter(1, user).executeUpdate();
        }
        Instant until = r[1] == null ? null : org.duban.platform.SqlValues.instant(r[1]);
        if (until != null && until.isAfter(now)) {
          return 1;
        }
        if (((Number) r[0]).intValue() > 0 || until != null) {
          em.createNativeQuery("update app_user set failed_logins = 0, locked_until = null where username = ?1")
              .setParameter(1, user).executeUpdate();
        }
        Instant changed = org.duban.platform.SqlValues.instant(r[2]);
        boolean expired = maxPasswordAgeDays > 0 && changed.plus(Duration.ofDays(maxPasswordAgeDays)).isBefore(now);
        return Boolean.TRUE.equals(r[3]) || expired ? 2 : 0;
      });
      if (state == 1) {
        throw new AuthenticationFailedException("account locked");
      }
      if (state == 3) {
        throw new AuthenticationFailedException("signed out");
      }
      if (state == 2) {
        // signed in, but with no role: every endpoint answers 403 except changing the password
        return io.quarkus.security.runtime.QuarkusSecurityIdentity.builder()
            .setPrincipal(identity.getPrincipal())
            .addCredentials(identity.getCredentials())
            .addAttributes(identity.getAttributes())
            .addAttribute(PASSWORD_CHANGE_REQUIRED, Boolean.TRUE)
            .build();
      }
      return identity;
    });
  }

  /**
   * A bearer token from the identity provider proves who the user is; the local account decides
   * what it may do (its one role and, for a reporter, its unit). No local account, or a locked
   * one: the same failure as a bad token.
   */
  private SecurityIdentity fromSso(SecurityIdentity identity, String user) {
    Object[] account = QuarkusTransaction.joiningExisting().call(() -> {
      @SuppressWarnings("unchecked")
      List<Object[]> rows = em.createNativeQuery("select role, locked_until from app_user where username = ?1")
          .setParameter(1, user).getResultList();
      return rows.isEmpty() ? null : rows.get(0);
    });
    if (account == null) {
      throw new AuthenticationFailedException("no local account for this identity");
    }
    if (account[1] != null && org.duban.platform.SqlValues.instant(account[1]).isAfter(Instant.now(clock))) {
      throw new AuthenticationFailedException("account locked");
    }
    return io.quarkus.security.runtime.QuarkusSecurityIdentity.builder()
        .setPrincipal(identity.getPrincipal())
        .addCredentials(identity.getCredentials())
        .addAttributes(identity.getAttributes())
        .addRole((String) account[0])
        .build();
  }

  /** A failed login: one more against the account (and the address); the last allowed one locks. */
  void onFailure(@ObservesAsync SecurityNotice n) {
    if (!"LOGIN_FAILED".equals(n.action())) {
      return;
    }
    if (n.clientIp() != null) {
      failuresByAddress.get(n.clientIp(), k -> new AtomicInteger()).incrementAndGet();
    }
    if (n.actor() == null) {
      return;
    }
    Instant now = Instant.now(clock);
    Integer count = QuarkusTransaction.requiringNew().call(() -> {
      @SuppressWarnings("unchecked")
      List<Object> rows = em.createNativeQuery(
              // a lock that has run out starts the count again; a lock in force is neither extended nor counted
              "update app_user set"
                  + " failed_logins = case when locked_until <= cast(?4 as timestamptz) then 1 else failed_logins + 1 end,"
                  + " locked_until = case when locked_until <= cast(?4 as timestamptz) then null"
                  + "   when failed_logins + 1 >= ?2 then cast(?3 as timestamptz) else locked_until end"
                  + " where username = ?1 and (locked_until is null or locked_until <= cast(?4 as timestamptz))"
                  + " returning failed_logins")
          .setParameter(1, n.actor())
          .setParameter(2, config.maxFailures())
          .setParameter(3, now.plus(Duration.ofMinutes(config.lockMinutes())))
          .setParameter(4, now)
          .getResultList();
      return rows.isEmpty() ? null : ((Number) rows.get(0)).intValue();
    });
    if (count != null && count == config.maxFailures()) {
      notices.fireAsync(new SecurityNotice(n.actor(), n.clientIp(), "LOCKED", n.target(), "LOCKED",
          config.maxFailures() + " failed logins in a row; locked for " + config.lockMinutes() + " minutes"));
    }
  }
}

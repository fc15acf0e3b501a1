package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.duban.platform.Keys;
import org.duban.platform.TrackerConfig;
import org.duban.platform.WallClock;

/**
 * Page sessions, kept on the server. The cookie carries a random identifier and its MAC under the
 * session key (a forged or garbled cookie is refused without touching the database); the database
 * keeps only the identifier's SHA-256, when it was made, last seen, whether a second factor was
 * given, and when it ended. Ending a session, or every session of an account, is one update, and
 * holds on every replica at once.
 */
@ApplicationScoped
public class Sessions {

  public static final String COOKIE = "duban-session";

  private final EntityManager em;
  private final Keys keys;
  private final Clock clock;
  private final Duration idle;
  private final Duration max;
  private final SecureRandom random = new SecureRandom();

  public Sessions(EntityManager em, Keys keys, @WallClock Clock clock, TrackerConfig config) {
    this.em = em;
    this.keys = keys;
    this.clock = clock;
    this.idle = Duration.ofMinutes(config.sessions().idleMinutes());
    this.max = Duration.ofHours(config.sessions().maxHours());
  }

  /** A new session for the account; returns the cookie's value. */
  @Transactional
  public String create(String username, boolean twoFactor, String clientIp) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    em.createNativeQuery("insert into user_session (id_hash, username, created_at, last_seen_at, two_factor, client_ip)"
            + " values (?1, ?2, ?3, ?3, ?4, ?5)")
        .setParameter(1, org.duban.platform.SecretPolicy.sha256(id))
        .setParameter(2, username)
        .setParameter(3, now)
        .setParameter(4, twoFactor)
        .setParameter(5, clientIp)
        .executeUpdate();
    return id + "." + keys.sessionMac("session-cookie", id);
  }

  /** The stored hash of a well-formed, untampered cookie; null for anything else. */
  public String hashOf(String cookie) {
    if (cookie == null || cookie.length() > 200) {
      return null;
    }
    int dot = cookie.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    String id = cookie.substring(0, dot);
    if (!Keys.same(keys.sessionMac("session-cookie", id), cookie.substring(dot + 1))) {
      return null;
    }
    return org.duban.platform.SecretPolicy.sha256(id);
  }

  /** Whether a session row is still alive at this instant (not ended, not idle too long, not too old). */
  public boolean alive(AuthSql.SessionRow s, Instant now) {
    return s.endedAt() == null && !s.lastSeenAt().plus(idle).isBefore(now) && !s.createdAt().plus(max).isBefore(now);
  }

  /**
   * Every session of the account made until now is refused from now on (logout, a password change
   * or reset, an administrative lock, a second factor enrolled). Joins the caller's transaction.
   */
  @Transactional
  public Instant endAll(String username) {
    Instant now = clock.instant();
    em.createNativeQuery("update app_user set sessions_valid_after = ?2 where username = ?1")
        .setParameter(1, username).setParameter(2, now).executeUpdate();
    em.createNativeQuery("update user_session set ended_at = ?2 where username = ?1 and ended_at is null")
        .setParameter(1, username).setParameter(2, now).executeUpdate();
    return now;
  }

  /** Every few hours: rows of sessions over a week past their end, to which nothing refers any more, go. */
  @io.quarkus.scheduler.Scheduled(identity = "session-purge", every = "6h", delayed = "5m",
      concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
  void purgeTimer() {
    purge();
  }

  @Transactional
  public int purge() {
    Instant cutoff = clock.instant().minus(max).minus(Duration.ofDays(7));
    return em.createNativeQuery("delete from user_session where coalesce(ended_at, last_seen_at) < ?1")
        .setParameter(1, cutoff).executeUpdate();
  }
}

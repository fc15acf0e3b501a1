package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.duban.audit.Journal;
import org.duban.identity.dto.CreatedToken;
import org.duban.identity.dto.TokenView;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.SecretPolicy;
import org.duban.platform.SqlValues;
import org.duban.platform.TrackerConfig;
import org.duban.platform.WallClock;

/**
 * Personal API tokens (the convention of GitLab and Redmine): a signed-in user makes one for a
 * script, names it, gives it an end; it is shown once and kept only as its SHA-256. It acts with its
 * owner's role and scope, and stops with a revocation, its end, or its owner's lock.
 */
@ApplicationScoped
public class ApiTokens {

  public static final String PREFIX = "duban_";
  static final int DEFAULT_DAYS = 90;
  private static final int RANDOM_BYTES = 32;

  private final EntityManager em;
  private final Journal journal;
  private final Clock clock;
  private final TrackerConfig config;
  private final SecureRandom random = new SecureRandom();

  public ApiTokens(EntityManager em, Journal journal, @WallClock Clock clock, TrackerConfig config) {
    this.em = em;
    this.journal = journal;
    this.clock = clock;
    this.config = config;
  }

  /** The SHA-256 of a well-formed token; null for anything that cannot be one (checked without the database). */
  public static String hashOf(String token) {
    if (token == null || !token.matches("duban_[A-Za-z0-9_-]{43}")) {
      return null;
    }
    return SecretPolicy.sha256(token);
  }

  @Transactional
  public CreatedToken create(Actor owner, String name, String expiresAt, boolean twoFactor) {
    Instant now = clock.instant();
    Instant until = expiry(expiresAt, now);
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String clean = name.strip();
    Number id = (Number) em.createNativeQuery(
            "insert into api_token (username, name, token_hash, hint, created_at, expires_at, two_factor)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id")
        .setParameter(1, owner.username())
        .setParameter(2, clean)
        .setParameter(3, SecretPolicy.sha256(token))
        .setParameter(4, token.substring(0, 10))
        .setParameter(5, now)
        .setParameter(6, until)
        .setParameter(7, twoFactor)
        .getSingleResult();
    var rec = journal.on(owner, null, "TOKEN", String.valueOf(id.longValue()));
    rec.change("CREATE", "name", null, clean);
    rec.change("CREATE", "expiresAt", null, until);
    rec.change("CREATE", "twoFactor", null, twoFactor);
    return new CreatedToken(id.longValue(), clean, token, until, twoFactor);
  }

  @Transactional
  public List<TokenView> list(String username) {
    @SuppressWarnings("unchecked")
    List<Tuple> rows = em.createNativeQuery(
            "select id, name, hint, created_at, expires_at, last_used_at, revoked_at, two_factor from api_token"
                + " where username = ?1 order by id desc", Tuple.class)
        .setParameter(1, username).getResultList();
    return rows.stream().map(t -> new TokenView(((Number) t.get("id")).longValue(), t.get("name", String.class),
        t.get("hint", String.class), SqlValues.instant(t.get("created_at")), SqlValues.instant(t.get("expires_at")),
        SqlValues.instant(t.get("last_used_at")), SqlValues.instant(t.get("revoked_at")), Boolean.TRUE.equals(t.get("two_factor")))).toList();
  }

  /** The owner revokes one of its tokens; another's token, or none, is 404. Revoking twice changes nothing. */
  @Transactional
  public void revoke(Actor owner, long id) {
    @SuppressWarnings("unchecked")
    List<Object> found = em.createNativeQuery("select revoked_at from api_token where id = ?1 and username = ?2")
        .setParameter(1, id).setParameter(2, owner.username()).getResultList();
    if (found.isEmpty()) {
      throw ProblemException.notFound("You have no token " + id + ".");
    }
    if (found.get(0) != null) {
      return;
    }
    em.createNativeQuery("update api_token set revoked_at = ?3 where id = ?1 and username = ?2")
        .setParameter(1, id).setParameter(2, owner.username()).setParameter(3, clock.instant()).executeUpdate();
    journal.on(owner, null, "TOKEN", String.valueOf(id)).action("REVOKE", null);
  }

  /**
   * Every live token of the account stops for good (an administrator's reset, a second factor
   * cleared, a lock): after such an incident no token made before it may act. Joins the caller's
   * transaction; returns how many.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int revokeAll(String username, Actor by, String why) {
    int n = em.createNativeQuery("update api_token set revoked_at = ?2 where username = ?1 and revoked_at is null")
        .setParameter(1, username).setParameter(2, clock.instant()).executeUpdate();
    if (n > 0) {
      journal.on(by, null, "TOKEN", username).action("REVOKE_ALL", n + " tokens: " + why);
    }
    return n;
  }

  private Instant expiry(String value, Instant now) {
    int maxDays = config.tokens().maxDays();
    Instant until;
    if (value == null || value.isBlank()) {
      until = now.plus(Duration.ofDays(Math.min(DEFAULT_DAYS, maxDays)));
    } else {
      String v = value.strip();
      try {
        until = v.length() == 10
            ? LocalDate.parse(v).plusDays(1).atStartOfDay(config.zone()).toInstant()
            : Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw ProblemException.invalid("expiresAt", "must be a date such as 2027-06-30 or an ISO-8601 instant");
      }
    }
    if (!until.isAfter(now)) {
      throw ProblemException.invalid("expiresAt", "must be in the future");
    }
    if (until.isAfter(now.plus(Duration.ofDays(maxDays + 1L)))) {
      throw ProblemException.invalid("expiresAt", "may be at most " + maxDays + " days away");
    }
    return until;
  }
}

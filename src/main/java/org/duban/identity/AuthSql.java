package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.duban.platform.SqlValues;

/**
 * The one home of signing in's SQL: an account's state, a session or a token with its account, and
 * the few updates signing in makes. Every value is bound; each statement's text is fixed. Callers
 * bring the transaction.
 */
@ApplicationScoped
public class AuthSql {

  /** The account's columns, as {@link #account(Tuple)} reads them. */
  private static final String ACCOUNT_COLUMNS =
      "u.username, u.role, u.unit_code, u.failed_logins, u.locked_until, u.password_changed_at, u.must_change_password,"
          + " u.sessions_valid_after, u.disabled_at, (u.totp_secret is not null) as totp_enrolled, u.demo, u.region_code";

  /** A page session with its account. */
  public record SessionRow(String idHash, Instant createdAt, Instant lastSeenAt, boolean twoFactor, Instant endedAt, AccountState account) {}

  /** An API token with its account. */
  public record TokenRow(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, boolean twoFactor,
      AccountState account) {}

  private final EntityManager em;

  public AuthSql(EntityManager em) {
    this.em = em;
  }

  public Optional<AccountState> account(String username) {
    List<Tuple> rows = tuples("select " + ACCOUNT_COLUMNS + " from app_user u where u.username = ?1", username);
    return rows.stream().findFirst().map(AuthSql::account);
  }

  public Optional<SessionRow> session(String idHash) {
    List<Tuple> rows = tuples(
        "select s.id_hash, s.created_at, s.last_seen_at, s.two_factor, s.ended_at, " + ACCOUNT_COLUMNS
            + " from user_session s join app_user u on u.username = s.username where s.id_hash = ?1", idHash);
    return rows.stream().findFirst().map(t -> new SessionRow(t.get("id_hash", String.class), SqlValues.instant(t.get("created_at")),
        SqlValues.instant(t.get("last_seen_at")), Boolean.TRUE.equals(t.get("two_factor")), SqlValues.instant(t.get("ended_at")), account(t)));
  }

  public Optional<TokenRow> token(String tokenHash) {
    List<Tuple> rows = tuples(
        "select t.id, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at, t.two_factor, " + ACCOUNT_COLUMNS
            + " from api_token t join app_user u on u.username = t.username where t.token_hash = ?1", tokenHash);
    return rows.stream().findFirst().map(t -> new TokenRow(((Number) t.get("id")).longValue(), t.get("name", String.class),
        SqlValues.instant(t.get("created_at")), SqlValues.instant(t.get("expires_at")), SqlValues.instant(t.get("revoked_at")),
        SqlValues.instant(t.get("last_used_at")), Boolean.TRUE.equals(t.get("two_factor")), account(t)));
  }

  /** A session is seen: its idle time starts again (written at most once a minute). */
  public void touchSession(String idHash, Instant now) {
    em.createNativeQuery("update user_session set last_seen_at = ?2 where id_hash = ?1 and last_seen_at < ?3")
        .setParameter(1, idHash).setParameter(2, now).setParameter(3, now.minusSeconds(60)).executeUpdate();
  }

  /** A token is used (written at most once a minute). */
  public void touchToken(long id, Instant now) {
    em.createNativeQuery("update api_token set last_used_at = ?2 where id = ?1 and (last_used_at is null or last_used_at < ?3)")
        .setParameter(1, id).setParameter(2, now).setParameter(3, now.minusSeconds(60)).executeUpdate();
  }

  /** A password was right: the count of failures in a row starts again (and an expired lock goes). */
  public void passwordSucceeded(String username) {
    em.createNativeQuery("update app_user set failed_logins = 0, locked_until = null where username = ?1"
            + " and (failed_logins > 0 or locked_until is not null)")
        .setParameter(1, username).executeUpdate();
  }

  /**
   * One more failed password for the account; a lock that has run out starts the count again, a lock
   * in force is neither extended nor counted. Returns the new count, or empty when nothing was counted.
   */
  public Optional<Integer> passwordFailed(String username, int maxFailures, Instant lockUntil, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object> rows = em.createNativeQuery(
            "update app_user set"
                + " failed_logins = case when locked_until <= cast(?4 as timestamptz) then 1 else failed_logins + 1 end,"
                + " locked_until = case when locked_until <= cast(?4 as timestamptz) then null"
                + "   when failed_logins + 1 >= ?2 then cast(?3 as timestamptz) else locked_until end"
                + " where username = ?1 and (locked_until is null or locked_until <= cast(?4 as timestamptz))"
                + " returning failed_logins")
        .setParameter(1, username)
        .setParameter(2, maxFailures)
        .setParameter(3, lockUntil)
        .setParameter(4, now)
        .getResultList();
    return rows.stream().findFirst().map(n -> ((Number) n).intValue());
  }

  @SuppressWarnings("unchecked")
  private List<Tuple> tuples(String sql, Object value) {
    return em.createNativeQuery(sql, Tuple.class).setParameter(1, value).getResultList();
  }

  private static AccountState account(Tuple t) {
    return new AccountState(
        t.get("username", String.class),
        t.get("role", String.class),
        t.get("unit_code", String.class),
        ((Number) t.get("failed_logins")).intValue(),
        SqlValues.instant(t.get("locked_until")),
        SqlValues.instant(t.get("password_changed_at")),
        Boolean.TRUE.equals(t.get("must_change_password")),
        SqlValues.instant(t.get("sessions_valid_after")),
        SqlValues.instant(t.get("disabled_at")),
        Boolean.TRUE.equals(t.get("totp_enrolled")),
        Boolean.TRUE.equals(t.get("demo")),
        t.get("region_code", String.class));
  }
}

package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import org.duban.platform.SqlValues;
import org.duban.scan.dto.NoticeView;

/**
 * The notice outbox's SQL: the office's list, and the dispatcher's claim, marks and retry. Every
 * value is bound; each statement's text is fixed; rows come back as records. Callers bring the
 * transaction. (The scan queues notices through {@link ReminderLadder}.)
 */
@ApplicationScoped
public class NoticeSql {

  /** A notice claimed for sending (now SENDING), with the attempt this is. */
  public record Claimed(long id, String recipient, String subject, String body, int attempts) {}

  /**
   * The outbox rows with their item (none for a leadership digest) and, for a 通报 sent in a digest,
   * the digest whose delivery is theirs.
   */
  private static final String FROM =
      " from notice n left join measure m on m.id = n.measure_id left join notice d on d.id = n.digest_id";

  /**
   * Every filter optional: a measure's (or task's) code, a state (a digested item's is its digest's),
   * a region's path (that region and below: its items only, so no digest), a digest (its items).
   */
  private static final String WHERE =
      " where (cast(?1 as varchar) is null or m.code = ?1)"
          + " and (cast(?2 as varchar) is null or (case when d.id is null then n.state else d.state end) = ?2)"
          + " and (cast(?3 as varchar) is null or m.region_code in (select rp.code from region rp where rp.path like cast(?3 as varchar) || '%'))"
          + " and (cast(?4 as varchar) is null or n.digest_id = cast(cast(?4 as varchar) as bigint))";

  private final EntityManager em;

  public NoticeSql(EntityManager em) {
    this.em = em;
  }

  public boolean measureExists(String code) {
    return ((Number) em.createNativeQuery("select count(*) from measure where code = ?1").setParameter(1, code).getSingleResult())
            .longValue()
        > 0;
  }

  public long count(String measureCode, String state, String regionPath, Long digest) {
    return ((Number)
            em.createNativeQuery("select count(*)" + FROM + WHERE)
                .setParameter(1, measureCode)
                .setParameter(2, state)
                .setParameter(3, regionPath)
                .setParameter(4, digest == null ? null : digest.toString())
                .getSingleResult())
        .longValue();
  }

  /** Whether {@code id} is a leadership digest. */
  public boolean isDigest(long id) {
    return ((Number) em.createNativeQuery("select count(*) from notice where id = ?1 and measure_id is null").setParameter(1, id)
            .getSingleResult()).longValue() > 0;
  }

  /** Notices, newest first; a digested item's delivery (state, channel, attempts, error, sent) is its digest's. */
  @SuppressWarnings("unchecked")
  public List<NoticeView> list(String measureCode, String state, String regionPath, Long digest, int limit, long offset) {
    List<Tuple> rows =
        em.createNativeQuery(
                "select n.id, m.code, n.level, n.occasion, n.recipient, n.subject,"
                    + " case when d.id is null then n.state else d.state end as state,"
                    + " case when d.id is null then n.channel else d.channel end as channel,"
                    + " case when d.id is null then n.attempts else d.attempts end as attempts,"
                    + " case when d.id is null then n.last_error else d.last_error end as last_error, n.created_at,"
                    + " case when d.id is null then n.sent_at else d.sent_at end as sent_at, n.digest_id, n.item_count"
                    + FROM + WHERE
                    + " order by n.id desc limit ?5 offset ?6",
                Tuple.class)
            .setParameter(1, measureCode)
            .setParameter(2, state)
            .setParameter(3, regionPath)
            .setParameter(4, digest == null ? null : digest.toString())
            .setParameter(5, limit)
            .setParameter(6, offset)
            .getResultList();
    return rows.stream()
        .map(t -> new NoticeView(
            ((Number) t.get("id")).longValue(),
            t.get("code", String.class),
            t.get("level", String.class),
            t.get("occasion", String.class),
            t.get("recipient", String.class),
            t.get("subject", String.class),
            t.get("state", String.class),
            t.get("channel", String.class),
            ((Number) t.get("attempts")).intValue(),
            t.get("last_error", String.class),
            SqlValues.instant(t.get("created_at")),
            SqlValues.instant(t.get("sent_at")),
            t.get("digest_id") == null ? null : ((Number) t.get("digest_id")).longValue(),
            t.get("item_count") == null ? null : ((Number) t.get("item_count")).intValue()))
        .toList();
  }

  /**
   * Claims up to {@code batch} due notices (PENDING → SENDING, one more attempt); FOR UPDATE SKIP
   * LOCKED, so instances never take the same one.
   */
  @SuppressWarnings("unchecked")
  public List<Claimed> claim(Instant now, int batch) {
    List<Tuple> rows =
        em.createNativeQuery(
                "update notice set state = 'SENDING', attempts = attempts + 1 where id in ("
                    + " select id from notice where state = 'PENDING' and next_attempt_at <= ?1"
                    + " order by id limit ?2 for update skip locked)"
                    + " returning id, recipient, subject, body, attempts",
                Tuple.class)
            .setParameter(1, now)
            .setParameter(2, batch)
            .getResultList();
    return rows.stream()
        .map(t -> new Claimed(
            ((Number) t.get("id")).longValue(),
            t.get("recipient", String.class),
            t.get("subject", String.class),
            t.get("body", String.class),
            ((Number) t.get("attempts")).intValue()))
        .toList();
  }

  public void markSent(List<Long> ids, Instant now, String channel) {
    em.createNativeQuery("update notice set state = 'SENT', sent_at = ?2, channel = ?3, last_error = null where id = any(?1)")
        .setParameter(1, ids.toArray(new Long[0]))
        .setParameter(2, now)
        .setParameter(3, channel)
        .executeUpdate();
  }

  /** An attempt failed: {@code state} is PENDING again (tried at {@code next}) or FAILED. */
  public void markAttemptFailed(long id, String state, Instant next, String error) {
    em.createNativeQuery("update notice set state = ?2, next_attempt_at = ?3, last_error = ?4 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, state)
        .setParameter(3, next)
        .setParameter(4, error)
        .executeUpdate();
  }

  /** Notices left SENDING since before {@code claimedBefore} become FAILED with a note. */
  public int markInterrupted(Instant claimedBefore) {
    return em.createNativeQuery(
            "update notice set state = 'FAILED', last_error = 'delivery was interrupted; it may or may not have been sent'"
                + " where state = 'SENDING' and next_attempt_at < ?1")
        .setParameter(1, claimedBefore)
        .executeUpdate();
  }

  /** What a retry of notice {@code id} acts on: the notice, or the digest it went out in; and its item (null for a digest). */
  public record Target(long id, Long item) {}

  /** The target of a retry of {@code id} (a digested 通报's is its digest), or null when there is no such notice. */
  @SuppressWarnings("unchecked")
  public Target retryTarget(long id) {
    List<Tuple> rows =
        em.createNativeQuery(
                "select t.id, t.measure_id from notice n join notice t on t.id = coalesce(n.digest_id, n.id) where n.id = ?1", Tuple.class)
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object item = rows.get(0).get("measure_id");
    return new Target(((Number) rows.get(0).get("id")).longValue(), item == null ? null : ((Number) item).longValue());
  }

  /** A FAILED notice back in the queue; false when there is none by that id. */
  public boolean requeue(long id, Instant now) {
    return em.createNativeQuery("update notice set state = 'PENDING', attempts = 0, next_attempt_at = ?2 where id = ?1 and state = 'FAILED'")
            .setParameter(1, id)
            .setParameter(2, now)
            .executeUpdate()
        == 1;
  }
}

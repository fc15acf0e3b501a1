package org.duban.publicapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.platform.SqlValues;

/**
 * The public API's own SQL (its measure reads go through the measure's repository): the public
 * timeline for the Atom feed. Every value is bound; rows come back as records. Callers bring the
 * transaction.
 */
@ApplicationScoped
public class PublicSql {

  /** One public timeline event with its measure's code and title. */
  public record TimelineEvent(
      long id, String kind, Instant occurredAt, String summary, Integer progress, LocalDate oldDeadline, LocalDate newDeadline,
      String code, String title) {}

  private final EntityManager em;

  public PublicSql(EntityManager em) {
    this.em = em;
  }

  /** The latest {@code limit} public events, newest first. */
  @SuppressWarnings("unchecked")
  public List<TimelineEvent> timeline(int limit) {
    List<Tuple> rows =
        em.createNativeQuery(
                "select e.id, e.kind, e.occurred_at, e.summary, e.progress, e.old_deadline, e.new_deadline, m.code, m.title"
                    + " from public_event e join measure m on m.id = e.measure_id order by e.occurred_at desc, e.id desc limit ?1",
                Tuple.class)
            .setParameter(1, limit)
            .getResultList();
    return rows.stream()
        .map(t -> new TimelineEvent(
            ((Number) t.get("id")).longValue(),
            t.get("kind", String.class),
            SqlValues.instant(t.get("occurred_at")),
            t.get("summary", String.class),
            t.get("progress") == null ? null : ((Number) t.get("progress")).intValue(),
            SqlValues.date(t.get("old_deadline")),
            SqlValues.date(t.get("new_deadline")),
            t.get("code", String.class),
            t.get("title", String.class)))
        .toList();
  }
}

package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.platform.TrackerConfig;
import org.duban.scan.dto.ScanResult;

/**
 * Every measure's flags as the scan keeps them: overdue, the light and "missed the last round", in
 * one set-based statement (the rules are the SQL functions {@code duban_overdue} and
 * {@code duban_light}, twins of {@code LightRule}); no measure is loaded into Java. Callers bring
 * the transaction (the scan's).
 */
@ApplicationScoped
public class MeasureFlags {

  static final String ACTOR = "system:scan";

  /** How many measures changed, and the first of them by code (at most {@code listed}). */
  public record Update(int changed, List<ScanResult.Change> listed) {}

  private final EntityManager em;
  private final TrackerConfig config;

  public MeasureFlags(EntityManager em, TrackerConfig config) {
    this.em = em;
    this.config = config;
  }

  /**
   * Recomputes overdue, the light and "missed the last round" for every measure (overdue days are
   * derived from the date on read, so a new day does not rewrite every overdue row), writes only
   * the rows that change, and journals each changed field in the same statement. Lists at most
   * {@code listed} of the changes, each row carrying the total count.
   */
  @SuppressWarnings("unchecked")
  public Update update(LocalDate today, Instant now, Long lastRoundId, int listed) {
    List<Tuple> rows =
        em.createNativeQuery(
                """
                with calc as (
                    select m.id, m.code, m.kind, m.current_deadline, m.overdue as old_overdue, m.light as old_light,
                           m.reporting_missed as old_missed, n.missed,
                           duban_overdue(m.status, m.current_deadline, m.claimed_done_on, ?1) as overdue,
                           duban_light(m.status, m.progress, m.start_date, m.current_deadline, m.claimed_done_on,
                                       n.missed, ?1, ?2, ?3) as light
                    from measure m
                    left join round_result rr on rr.round_id = ?6 and rr.measure_id = m.id
                    cross join lateral (
                        select coalesce(not rr.reported, false) and m.status in ('NOT_STARTED', 'IN_PROGRESS') as missed
                    ) n
                ), changed as (
                    update measure m
                       set overdue = c.overdue, light = c.light, reporting_missed = c.missed, flags_as_of = ?1
                      from calc c
                     where m.id = c.id
                       and (c.old_overdue, c.old_light, c.old_missed) is distinct from (c.overdue, c.light, c.missed)
                    returning c.*
                ), journal as (
                    insert into journal_entry (measure_id, entity, entity_key, action, field, old_value, new_value, actor, occurred_at)
                    select id, kind, code, 'SCAN', f.field, f.old_value, f.new_value, ?5, ?4
                    from changed
                    cross join lateral (values
                        ('overdue', old_overdue::text, overdue::text),
                        ('light', old_light, light),
                        ('reportingMissed', old_missed::text, missed::text)) as f(field, old_value, new_value)
                    where f.old_value is distinct from f.new_value
                    returning 1
                )
                select code, old_overdue, overdue, old_light, light, old_missed, missed,
                       case when overdue then ?1 - current_deadline else 0 end as overdue_days,
                       (select count(*) from changed) as changed_rows,
                       (select count(*) from journal) as journal_rows
                from changed order by code limit ?7
                """,
                Tuple.class)
            .setParameter(1, today)
            .setParameter(2, config.light().nearDeadlineDays())
            .setParameter(3, config.light().lagPoints())
            .setParameter(4, now)
            .setParameter(5, ACTOR)
            .setParameter(6, lastRoundId == null ? -1L : lastRoundId)
            .setParameter(7, listed)
            .getResultList();
    int changed = rows.isEmpty() ? 0 : ((Number) rows.get(0).get("changed_rows")).intValue();
    List<ScanResult.Change> changes =
        rows.stream()
            .map(t -> new ScanResult.Change(
                t.get("code", String.class),
                (Boolean) t.get("old_overdue"),
                (Boolean) t.get("overdue"),
                ((Number) t.get("overdue_days")).intValue(),
                t.get("old_light", String.class),
                t.get("light", String.class),
                (Boolean) t.get("old_missed"),
                (Boolean) t.get("missed")))
            .toList();
    return new Update(changed, changes);
  }
}

package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.duban.audit.Journal;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;

/**
 * Keeps each parent's stored progress and target actuals equal to the roll-up of its direct
 * children, by the SQL twins of {@link Rollup} (duban_rollup_progress, duban_rollup_actual), from
 * the changed item up to its measure; every changed value is journaled (action ROLLUP) and a
 * parent's new progress goes on its public timeline. A verified parent is closed and keeps its
 * values. Runs in the caller's transaction, after the child's change is flushed.
 */
@ApplicationScoped
public class Rollups {

  /** The parent's progress by the rule, from its children's progress and shares (null: no children). */
  static final String PROGRESS_SQL =
      """
      select duban_rollup_progress(array_agg(c.progress order by c.id), array_agg(ct.target_value order by c.id)) as progress
        from measure c
        left join target ct on ct.measure_id = c.id
             and ct.position = (select min(pt.position) from target pt where pt.measure_id = ?1 and pt.target_value is not null)
       where c.parent_id = ?1
      """;

  /** Each target of the parent with its actual by the rule. */
  static final String ACTUALS_SQL =
      """
      select pt.id, pt.actual_value as old_actual,
             duban_rollup_actual(pt.aggregation, array_agg(ct.actual_value order by c.id), array_agg(ct.target_value order by c.id)) as actual
        from target pt
        join measure c on c.parent_id = pt.measure_id
        left join target ct on ct.measure_id = c.id and ct.position = pt.position
       where pt.measure_id = ?1
       group by pt.id, pt.actual_value
       order by pt.position
      """;

  private final MeasureRepository measures;
  private final Journal journal;
  private final BusinessCalendar calendar;

  public Rollups(MeasureRepository measures, Journal journal, BusinessCalendar calendar) {
    this.measures = measures;
    this.journal = journal;
    this.calendar = calendar;
  }

  /** Rolls up from the item's parent to its measure (nothing for a measure). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void above(Measure child, Actor actor) {
    measures.flush();
    Measure parent = child.parent;
    while (parent != null) {
      rollUp(parent.id, actor);
      parent = parent.parent;
    }
  }

  /** Rolls one parent up from its children (no change when it has none or is verified). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void rollUp(long parentId, Actor actor) {
    var em = measures.getEntityManager();
    Measure p = em.find(Measure.class, parentId, LockModeType.PESSIMISTIC_WRITE);
    if (p == null || p.status == MeasureStatus.VERIFIED) {
      return;
    }
    Number computed = (Number) em.createNativeQuery(PROGRESS_SQL).setParameter(1, parentId).getSingleResult();
    Journal.Recorder rec = journal.on(actor, p.id, p.isTask() ? "TASK" : MeasureLifecycle.ENTITY, p.code);
    Instant now = calendar.now();
    boolean changed = false;
    if (computed != null && computed.intValue() != p.progress) {
      rec.change("ROLLUP", "progress", p.progress, computed.intValue());
      p.progress = computed.intValue();
      changed = true;
      if (p.status == MeasureStatus.NOT_STARTED && p.progress > 0) {
        rec.change("ROLLUP", "status", p.status, MeasureStatus.IN_PROGRESS);
        p.status = MeasureStatus.IN_PROGRESS;
      }
    }
    @SuppressWarnings("unchecked")
    List<Tuple> actuals = em.createNativeQuery(ACTUALS_SQL, Tuple.class).setParameter(1, parentId).getResultList();
    for (Tuple t : actuals) {
      BigDecimal old = (BigDecimal) t.get("old_actual");
      BigDecimal now2 = (BigDecimal) t.get("actual");
      if (!sameNumber(old, now2)) {
        long targetId = ((Number) t.get("id")).longValue();
        Target target = em.find(Target.class, targetId);
        rec.change("ROLLUP", "targets[" + target.position + "].actual", plain(old), plain(now2));
        target.actualValue = now2;
      }
    }
    if (changed) {
      p.updatedAt = now;
      PublicEvent e = new PublicEvent();
      e.measure = p;
      e.kind = PublicEvent.Kind.PROGRESS;
      e.occurredAt = now;
      e.progress = p.progress;
      e.summary = "按分解任务汇总，整体进度 " + p.progress + "%";
      measures.addPublicEvent(e);
    }
    em.flush();
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return Objects.equals(a, b) || a != null && b != null && a.compareTo(b) == 0;
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros().toPlainString();
  }
}

package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.duban.platform.TrackerConfig;

/**
 * What the scan keeps for later reading: a closed round's ledger (the 台账 as it stood, for
 * {@code ?round=}: the measures' lines and the tasks' lines) and today's counts by area and light (the dashboard's trend). Every value is
 * bound. Callers bring the transaction (the scan's).
 */
@ApplicationScoped
public class ScanSnapshots {

  /** A round closed this many days or fewer after its last day still gets its ledger kept. */
  static final int LEDGER_KEPT_WITHIN_DAYS = 3;

  private final EntityManager em;
  private final TrackerConfig config;

  public ScanSnapshots(EntityManager em, TrackerConfig config) {
    this.em = em;
    this.config = config;
  }

  /**
   * Keeps the ledger as it stands now, lights as of the round's last day, when the round closes
   * within {@link #LEDGER_KEPT_WITHIN_DAYS} of that day (a round closed in a catch-up after downtime
   * would otherwise be stamped with today's state as if it were then). Returns its line count, or
   * 0 when none is kept.
   */
  public int keepLedger(DispatchRounds.Round round, LocalDate today) {
    if (round.closesOn().isBefore(today.minusDays(LEDGER_KEPT_WITHIN_DAYS))) {
      return 0;
    }
    int rows =
        em.createNativeQuery("insert into ledger_snapshot select ?1, l.* from duban_ledger(?2, ?3, ?4) l")
            .setParameter(1, round.id())
            .setParameter(2, round.closesOn())
            .setParameter(3, config.light().nearDeadlineDays())
            .setParameter(4, config.light().lagPoints())
            .executeUpdate();
    // the tasks ledger beside it (sheet 任务台账), by the same rule function's twin for tasks
    em.createNativeQuery("insert into ledger_task_snapshot select ?1, l.* from duban_ledger_tasks(?2, ?3, ?4) l")
        .setParameter(1, round.id())
        .setParameter(2, round.closesOn())
        .setParameter(3, config.light().nearDeadlineDays())
        .setParameter(4, config.light().lagPoints())
        .executeUpdate();
    em.createNativeQuery("update dispatch_round set ledger_rows = ?2 where id = ?1")
        .setParameter(1, round.id())
        .setParameter(2, rows)
        .executeUpdate();
    return rows;
  }

  /** Today's counts by area and light, as the scan left them (the dashboard's trend). */
  public void keepTrend(LocalDate today) {
    em.createNativeQuery(
            "insert into scan_snapshot (day, area, light, count)"
                + " select ?1, area, light, count(*) from measure where kind = 'MEASURE' group by area, light"
                + " on conflict (day, area, light) do update set count = excluded.count")
        .setParameter(1, today)
        .executeUpdate();
    em.createNativeQuery(
            "delete from scan_snapshot s where s.day = ?1"
                + " and not exists (select 1 from measure m where m.kind = 'MEASURE' and m.area = s.area and m.light = s.light)")
        .setParameter(1, today)
        .executeUpdate();
  }
}

package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.platform.SqlValues;

/**
 * The scans themselves: the cluster-wide lock one scan holds, the record of each run
 * ({@code scan_run}) and its history. Every value is bound; each statement's text is fixed.
 * Callers bring the transaction.
 */
@ApplicationScoped
public class ScanRuns {

  static final long LOCK_KEY = 0x64756261_6e736361L; // "dubanSca"

  /** One recorded run, as {@code scan_run} keeps it. */
  public record Run(
      long id, String trigger, LocalDate asOf, Instant startedAt, Instant finishedAt, Long durationMs, String outcome,
      int flagsChanged, int roundsClosed, int noticesCreated, String error) {}

  private final EntityManager em;
  private final String instance;

  public ScanRuns(EntityManager em) {
    this.em = em;
    this.instance = instanceName();
  }

  /** Waits for the cluster-wide scan lock; released when the transaction ends. */
  public void lock() {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
  }

  /** Records a run (by this instance); returns its id. */
  public long record(
      String trigger, LocalDate asOf, Instant started, Instant finished, String outcome, int flags, int rounds,
      int queued, String error) {
    Object id =
        em.createNativeQuery(
                "insert into scan_run (trigger, instance, as_of, started_at, finished_at, outcome, flags_changed,"
                    + " rounds_closed, notices_created, error) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) returning id")
            .setParameter(1, trigger)
            .setParameter(2, instance)
            .setParameter(3, asOf)
            .setParameter(4, started)
            .setParameter(5, finished)
            .setParameter(6, outcome)
            .setParameter(7, flags)
            .setParameter(8, rounds)
            .setParameter(9, queued)
            .setParameter(10, error)
            .getSingleResult();
    return ((Number) id).longValue();
  }

  /** The wall time a recorded run's work took. */
  public void recordDuration(long id, long durationMs) {
    em.createNativeQuery("update scan_run set duration_ms = ?2 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, durationMs)
        .executeUpdate();
  }

  /** Whether a run that completed has a business date on or after {@code today}. */
  public boolean completedSince(LocalDate today) {
    return ((Number)
                em.createNativeQuery("select count(*) from scan_run where outcome = 'OK' and as_of >= ?1")
                    .setParameter(1, today)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  public long count() {
    return ((Number) em.createNativeQuery("select count(*) from scan_run").getSingleResult()).longValue();
  }

  /** Recorded runs, newest first. */
  @SuppressWarnings("unchecked")
  public List<Run> newestFirst(int limit, long offset) {
    List<Tuple> rows =
        em.createNativeQuery(
                "select id, trigger, as_of, started_at, finished_at, duration_ms, outcome, flags_changed, rounds_closed,"
                    + " notices_created, error from scan_run order by started_at desc, id desc limit ?1 offset ?2",
                Tuple.class)
            .setParameter(1, limit)
            .setParameter(2, offset)
            .getResultList();
    return rows.stream()
        .map(t -> new Run(
            ((Number) t.get("id")).longValue(),
            t.get("trigger", String.class),
            SqlValues.date(t.get("as_of")),
            SqlValues.instant(t.get("started_at")),
            SqlValues.instant(t.get("finished_at")),
            t.get("duration_ms") == null ? null : ((Number) t.get("duration_ms")).longValue(),
            t.get("outcome", String.class),
            ((Number) t.get("flags_changed")).intValue(),
            ((Number) t.get("rounds_closed")).intValue(),
            ((Number) t.get("notices_created")).intValue(),
            t.get("error", String.class)))
        .toList();
  }

  private static String instanceName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
    } catch (java.net.UnknownHostException e) {
      return "pid " + ProcessHandle.current().pid();
    }
  }
}

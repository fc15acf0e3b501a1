package org.duban.scan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.SqlValues;
import org.duban.scan.dto.ScanResult;
import org.jboss.logging.Logger;

/**
 * The overdue scan: closes the dispatch rounds that ended, recomputes every measure's flags and
 * light, journals each change, queues the notices that became due and keeps today's snapshot. One
 * transaction under a cluster-wide advisory lock: instances that scan at once run one after the
 * other, and the later ones find nothing left to change; a scan killed midway changes nothing.
 */
@ApplicationScoped
public class ScanService {

  private static final Logger LOG = Logger.getLogger(ScanService.class);
  static final int MAX_CHANGES_LISTED = 500;

  private final ScanSql sql;
  private final BusinessCalendar calendar;
  private final EntityManager em;
  private final NoticeDispatcher notices;
  private final String instance;
  private final int timeoutSeconds;
  private final org.duban.platform.ChangeStamp stamps;
  private final org.duban.platform.TrackerMetrics metrics;

  public ScanService(
      ScanSql sql, BusinessCalendar calendar, EntityManager em, NoticeDispatcher notices,
      org.duban.platform.TrackerConfig config, org.duban.platform.ChangeStamp stamps,
      org.duban.platform.TrackerMetrics metrics) {
    this.metrics = metrics;
    this.stamps = stamps;
    this.timeoutSeconds = config.scan().timeoutSeconds();
    this.sql = sql;
    this.calendar = calendar;
    this.em = em;
    this.notices = notices;
    this.instance = instanceName();
  }

  /** Runs a scan now and then delivers the notices that are due. */
  public ScanResult run(String trigger) {
    ScanResult result;
    long t0 = System.nanoTime();
    try {
      result = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> scan(trigger));
      metrics.scanSucceeded(java.time.Duration.ofNanos(System.nanoTime() - t0), java.time.Instant.now().getEpochSecond());
    } catch (RuntimeException e) {
      LOG.error("The scan failed", e);
      metrics.scanFailed(java.time.Duration.ofNanos(System.nanoTime() - t0));
      Instant now = calendar.now();
      long id =
          QuarkusTransaction.requiringNew()
              .call(() -> recordRun(trigger, calendar.today(), now, now, "FAILED", 0, 0, 0, failureText(e)));
      return new ScanResult(id, trigger, calendar.today(), now, now, null, "FAILED", 0, 0, 0, List.of(), failureText(e));
    }
    stamps.wrote(); // the caches look at the change stamp again
    notices.deliverDue();
    return result;
  }

  private ScanResult scan(String trigger) {
    long t0 = System.nanoTime(); // wall time of the work, whatever the business clock says
    Instant started = calendar.now();
    sql.lock();
    // read the clock after the lock: a scan that waited sees the instant it really runs at
    Instant now = calendar.now();
    LocalDate today = calendar.today();
    sql.ensureRounds(today);
    int roundsClosed = 0;
    String lastClosed = null;
    LocalDate lastClosedOn = null;
    List<Object[]> closedNow = sql.dueRounds(today);
    for (Object[] round : closedNow) {
      sql.closeRound(((Number) round[0]).longValue(), SqlValues.date(round[2]), SqlValues.date(round[3]), now);
      roundsClosed++;
    }
    Object[] last = lastClosedRound();
    Long lastRoundId = null;
    if (last != null) {
      lastClosed = (String) last[0];
      lastClosedOn = SqlValues.date(last[1]);
      lastRoundId = ((Number) last[2]).longValue();
    }
    List<Object[]> rows = sql.updateFlags(today, now, lastRoundId);
    int changed = rows.isEmpty() ? 0 : ((Number) rows.get(0)[8]).intValue();
    for (Object[] round : closedNow) {
      LocalDate closes = SqlValues.date(round[3]);
      if (!closes.isBefore(today.minusDays(LEDGER_KEPT_WITHIN_DAYS))) {
        // the ledger as it stood when the round closed (not for old rounds closed in a catch-up)
        sql.keepLedger(((Number) round[0]).longValue(), closes);
      }
    }
    Object[] open = openRound(today);
    int queued =
        sql.queueNotices(
            today, now, lastClosed, lastClosedOn,
            open == null ? null : (String) open[0], open == null ? null : SqlValues.date(open[1]));
    sql.snapshot(today);
    if (queued + changed > 10_000 || roundsClosed > 0) {
      // many new rows: fresh statistics keep the next scan's plans right without waiting for autovacuum
      em.createNativeQuery("analyze measure, notice, round_result").executeUpdate();
    }
    List<ScanResult.Change> changes = new ArrayList<>();
    for (Object[] r : rows) {
      changes.add(
          new ScanResult.Change(
              (String) r[0], (Boolean) r[1], (Boolean) r[2], ((Number) r[7]).intValue(), (String) r[3], (String) r[4],
              (Boolean) r[5], (Boolean) r[6]));
    }
    Instant finished = calendar.now();
    long id = recordRun(trigger, today, started, finished, "OK", changed, roundsClosed, queued, null);
    long durationMs = (System.nanoTime() - t0) / 1_000_000;
    em.createNativeQuery("update scan_run set duration_ms = ?2 where id = ?1").setParameter(1, id).setParameter(2, durationMs).executeUpdate();
    LOG.infof(
        "Scan %d (%s) as of %s in %d ms: %d measures changed, %d rounds closed, %d notices queued",
        id, trigger, today, durationMs, changed, roundsClosed, queued);
    return new ScanResult(id, trigger, today, started, finished, durationMs, "OK", changed, roundsClosed, queued, changes, null);
  }

  /** A round closed this many days or fewer after its last day still gets its ledger kept. */
  static final int LEDGER_KEPT_WITHIN_DAYS = 3;

  private Object[] lastClosedRound() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("select code, closes_on, id from dispatch_round where closed_at is not null order by closes_on desc limit 1")
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  private Object[] openRound(LocalDate today) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("select code, closes_on from dispatch_round where opens_on <= ?1 and closes_on >= ?1")
            .setParameter(1, today)
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  private long recordRun(
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

  /** Whether a scan completed today (in TRACKER_ZONE): the start-up catch-up skips when it did. */
  public boolean scannedToday() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            em.createNativeQuery("select count(*) from scan_run where outcome = 'OK' and as_of >= ?1")
                                .setParameter(1, calendar.today())
                                .getSingleResult())
                        .longValue()
                    > 0);
  }

  @SuppressWarnings("unchecked")
  public Page<ScanResult> history(PageRequest page) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              long total = ((Number) em.createNativeQuery("select count(*) from scan_run").getSingleResult()).longValue();
              List<Object[]> rows =
                  em.createNativeQuery(
                          "select id, trigger, as_of, started_at, finished_at, outcome, flags_changed, rounds_closed,"
                              + " notices_created, error, duration_ms from scan_run order by started_at desc, id desc limit ?1 offset ?2")
                      .setParameter(1, page.size)
                      .setParameter(2, page.offset())
                      .getResultList();
              List<ScanResult> items = new ArrayList<>();
              for (Object[] r : rows) {
                items.add(
                    new ScanResult(
                        ((Number) r[0]).longValue(), (String) r[1], SqlValues.date(r[2]), SqlValues.instant(r[3]), SqlValues.instant(r[4]),
                        r[10] == null ? null : ((Number) r[10]).longValue(), (String) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                        List.of(), (String) r[9]));
              }
              return new Page<>(items, page.page, page.size, total);
            });
  }

  private static String failureText(Throwable e) {
    return "The scan failed (" + e.getClass().getSimpleName() + "); see the server log.";
  }

  private static String instanceName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
    } catch (java.net.UnknownHostException e) {
      return "pid " + ProcessHandle.current().pid();
    }
  }
}

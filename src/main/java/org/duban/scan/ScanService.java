package org.duban.scan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.ChangeStamp;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.TrackerConfig;
import org.duban.platform.TrackerMetrics;
import org.duban.scan.DispatchRounds.Round;
import org.duban.scan.dto.ScanResult;
import org.jboss.logging.Logger;

/**
 * The overdue scan: closes the dispatch rounds that ended ({@link DispatchRounds}), recomputes
 * every measure's flags and light and journals each change ({@link MeasureFlags}), keeps the
 * closed rounds' ledgers ({@link ScanSnapshots}), queues the notices that became due
 * ({@link ReminderLadder}) and keeps today's trend. One transaction under a cluster-wide advisory
 * lock ({@link ScanRuns}): instances that scan at once run one after the other, and the later ones
 * find nothing left to change; a scan killed midway changes nothing.
 */
@ApplicationScoped
public class ScanService {

  private static final Logger LOG = Logger.getLogger(ScanService.class);
  static final int MAX_CHANGES_LISTED = 500;

  private final ScanRuns runs;
  private final DispatchRounds rounds;
  private final MeasureFlags flags;
  private final ReminderLadder ladder;
  private final ScanSnapshots snapshots;
  private final BusinessCalendar calendar;
  private final EntityManager em;
  private final NoticeDispatcher notices;
  private final int timeoutSeconds;
  private final ChangeStamp stamps;
  private final TrackerMetrics metrics;

  public ScanService(
      ScanRuns runs, DispatchRounds rounds, MeasureFlags flags, ReminderLadder ladder, ScanSnapshots snapshots,
      BusinessCalendar calendar, EntityManager em, NoticeDispatcher notices, TrackerConfig config, ChangeStamp stamps,
      TrackerMetrics metrics) {
    this.runs = runs;
    this.rounds = rounds;
    this.flags = flags;
    this.ladder = ladder;
    this.snapshots = snapshots;
    this.calendar = calendar;
    this.em = em;
    this.notices = notices;
    this.timeoutSeconds = config.scan().timeoutSeconds();
    this.stamps = stamps;
    this.metrics = metrics;
  }

  /** Runs a scan now and then delivers the notices that are due. */
  public ScanResult run(String trigger) {
    ScanResult result;
    long t0 = System.nanoTime();
    try {
      result = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> scan(trigger));
      metrics.scanSucceeded(Duration.ofNanos(System.nanoTime() - t0), Instant.now().getEpochSecond());
    } catch (RuntimeException e) {
      LOG.error("The scan failed", e);
      metrics.scanFailed(Duration.ofNanos(System.nanoTime() - t0));
      Instant now = calendar.now();
      long id =
          QuarkusTransaction.requiringNew()
              .call(() -> runs.record(trigger, calendar.today(), now, now, "FAILED", 0, 0, 0, failureText(e)));
      return new ScanResult(id, trigger, calendar.today(), now, now, null, "FAILED", 0, 0, 0, List.of(), failureText(e));
    }
    stamps.wrote(); // the caches look at the change stamp again
    notices.deliverDue();
    return result;
  }

  private ScanResult scan(String trigger) {
    long t0 = System.nanoTime(); // wall time of the work, whatever the business clock says
    Instant started = calendar.now();
    runs.lock();
    // read the clock after the lock: a scan that waited sees the instant it really runs at
    Instant now = calendar.now();
    LocalDate today = calendar.today();
    rounds.ensure(today);
    List<Round> closedNow = rounds.due(today);
    for (Round round : closedNow) {
      rounds.close(round, now);
    }
    Optional<Round> lastClosed = rounds.lastClosed();
    MeasureFlags.Update update = flags.update(today, now, lastClosed.map(Round::id).orElse(null), MAX_CHANGES_LISTED);
    for (Round round : closedNow) {
      snapshots.keepLedger(round, today); // the ledger as it stood when the round closed
    }
    int queued = ladder.queue(today, now, rounds.open(today), lastClosed);
    snapshots.keepTrend(today);
    if (queued + update.changed() > 10_000 || !closedNow.isEmpty()) {
      // many new rows: fresh statistics keep the next scan's plans right without waiting for autovacuum
      em.createNativeQuery("analyze measure, notice, round_result").executeUpdate();
    }
    Instant finished = calendar.now();
    long id = runs.record(trigger, today, started, finished, "OK", update.changed(), closedNow.size(), queued, null);
    long durationMs = (System.nanoTime() - t0) / 1_000_000;
    runs.recordDuration(id, durationMs);
    LOG.infof(
        "Scan %d (%s) as of %s in %d ms: %d measures changed, %d rounds closed, %d notices queued",
        id, trigger, today, durationMs, update.changed(), closedNow.size(), queued);
    return new ScanResult(
        id, trigger, today, started, finished, durationMs, "OK", update.changed(), closedNow.size(), queued, update.listed(), null);
  }

  /** Whether a scan completed today (in TRACKER_ZONE): the start-up catch-up skips when it did. */
  public boolean scannedToday() {
    return QuarkusTransaction.requiringNew().call(() -> runs.completedSince(calendar.today()));
  }

  /** The history of scans, newest first. */
  public Page<ScanResult> history(PageRequest page) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              long total = runs.count();
              List<ScanResult> items =
                  runs.newestFirst(page.size, page.offset()).stream()
                      .map(r -> new ScanResult(
                          r.id(), r.trigger(), r.asOf(), r.startedAt(), r.finishedAt(), r.durationMs(), r.outcome(),
                          r.flagsChanged(), r.roundsClosed(), r.noticesCreated(), List.of(), r.error()))
                      .toList();
              return new Page<>(items, page.page, page.size, total);
            });
  }

  private static String failureText(Throwable e) {
    return "The scan failed (" + e.getClass().getSimpleName() + "); see the server log.";
  }
}

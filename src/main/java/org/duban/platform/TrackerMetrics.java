package org.duban.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's own metrics at /q/metrics (Prometheus): scans (duration, failures, the last
 * success), measures overdue and by light as the last scan left them, and the notice outbox
 * (waiting, failed). Gauges hold values refreshed after each scan and each delivery round, so a
 * scrape never queries the database.
 */
@ApplicationScoped
public class TrackerMetrics {

  private final EntityManager em;
  private final Timer scanDuration;
  private final Counter scanFailures;
  private final AtomicLong lastScanSuccess = new AtomicLong();
  private final AtomicLong overdue = new AtomicLong();
  private final AtomicLong red = new AtomicLong();
  private final AtomicLong yellow = new AtomicLong();
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong failedNotices = new AtomicLong();

  public TrackerMetrics(MeterRegistry registry, EntityManager em) {
    this.em = em;
    scanDuration = Timer.builder("duban.scan.duration").description("time a scan took").register(registry);
    scanFailures = Counter.builder("duban.scan.failures").description("scans that failed").register(registry);
    Gauge.builder("duban.scan.last.success", lastScanSuccess, AtomicLong::get)
        .description("epoch seconds of the last successful scan").baseUnit("seconds").register(registry);
    Gauge.builder("duban.measures.overdue", overdue, AtomicLong::get).description("measures overdue at the last scan").register(registry);
    Gauge.builder("duban.measures.light", red, AtomicLong::get).tag("light", "RED").description("measures by light at the last scan").register(registry);
    Gauge.builder("duban.measures.light", yellow, AtomicLong::get).tag("light", "YELLOW").description("measures by light at the last scan").register(registry);
    Gauge.builder("duban.notices.backlog", backlog, AtomicLong::get).description("notices waiting to be sent (PENDING, SENDING)").register(registry);
    Gauge.builder("duban.notices.failed", failedNotices, AtomicLong::get).description("notices that failed for good").register(registry);
  }

  public void scanSucceeded(Duration took, long epochSecond) {
    scanDuration.record(took);
    lastScanSuccess.set(epochSecond);
    refreshMeasures();
  }

  public void scanFailed(Duration took) {
    scanDuration.record(took);
    scanFailures.increment();
  }

  /** Re-reads the outbox counts (after a delivery round). */
  public void refreshNotices() {
    jakarta.persistence.Tuple r = QuarkusTransaction.requiringNew().call(() -> (jakarta.persistence.Tuple) em.createNativeQuery(
            "select count(*) filter (where state in ('PENDING', 'SENDING')) as backlog, count(*) filter (where state = 'FAILED') as failed"
                + " from notice", jakarta.persistence.Tuple.class)
        .getSingleResult());
    backlog.set(((Number) r.get("backlog")).longValue());
    failedNotices.set(((Number) r.get("failed")).longValue());
  }

  private void refreshMeasures() {
    jakarta.persistence.Tuple r = QuarkusTransaction.requiringNew().call(() -> (jakarta.persistence.Tuple) em.createNativeQuery(
            "select count(*) filter (where overdue) as overdue, count(*) filter (where light = 'RED') as red,"
                + " count(*) filter (where light = 'YELLOW') as yellow from measure where kind = 'MEASURE'", jakarta.persistence.Tuple.class)
        .getSingleResult());
    overdue.set(((Number) r.get("overdue")).longValue());
    red.set(((Number) r.get("red")).longValue());
    yellow.set(((Number) r.get("yellow")).longValue());
  }
}

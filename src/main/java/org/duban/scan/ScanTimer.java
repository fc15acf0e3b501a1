package org.duban.scan;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.platform.TrackerConfig;

/** When scans and deliveries run: each trigger is one line calling a service. */
@ApplicationScoped
public class ScanTimer {

  private final ScanService scans;
  private final NoticeDispatcher notices;
  private final TrackerConfig config;

  public ScanTimer(ScanService scans, NoticeDispatcher notices, TrackerConfig config) {
    this.scans = scans;
    this.notices = notices;
    this.config = config;
  }

  /** Daily shortly after midnight in TRACKER_ZONE (TRACKER_SCAN_CRON; "off" disables it). */
  @Scheduled(identity = "overdue-scan", cron = "${tracker.scan-cron}", timeZone = "${tracker.zone}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    scans.run("TIMER");
  }

  /** Retries and late deliveries of the notice outbox. */
  @Scheduled(identity = "notice-delivery", every = "${tracker.notices.delivery-every}", delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void deliver() {
    notices.deliverDue();
  }

  /** After downtime: scan at start when no scan has completed today. */
  void catchUp(@Observes @Priority(50) StartupEvent event) {
    if (config.scan().onStart() && !scans.scannedToday()) {
      scans.run("STARTUP");
    }
  }
}

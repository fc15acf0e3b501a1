package org.duban.scan;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.TrackerConfig;
import org.jboss.logging.Logger;

/**
 * Delivers the notice outbox. A notice is claimed (PENDING → SENDING) with FOR UPDATE SKIP LOCKED,
 * so instances never take the same one; sent; then marked SENT. A failure goes back to PENDING with
 * a doubling wait, and to FAILED after the last attempt. A notice left SENDING by a crash is marked
 * FAILED with a note (it may or may not have left): visible to the office, never silently lost.
 */
@ApplicationScoped
public class NoticeDispatcher {

  private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class);
  private static final int BATCH = 50;

  private final NoticeSql sql;
  private final Mailer mailer;
  private final TrackerConfig config;
  private final BusinessCalendar calendar;
  private final boolean smtp;

  private final org.duban.platform.TrackerMetrics metrics;

  public NoticeDispatcher(NoticeSql sql, Mailer mailer, TrackerConfig config, BusinessCalendar calendar,
      org.duban.platform.TrackerMetrics metrics) {
    this.metrics = metrics;
    this.sql = sql;
    this.mailer = mailer;
    this.config = config;
    this.calendar = calendar;
    this.smtp = config.notices().smtp().orElseGet(NoticeDispatcher::mailerHostGiven);
  }

  /** quarkus.mailer.host defaults to localhost, so only an explicitly given host counts. */
  static boolean mailerHostGiven() {
    return System.getenv("QUARKUS_MAILER_HOST") != null || System.getProperty("quarkus.mailer.host") != null;
  }

  /** Sends every notice that is due; returns how many left (SENT). */
  public synchronized int deliverDue() {
    recoverInterrupted();
    int sent = 0;
    while (true) {
      List<NoticeSql.Claimed> batch = QuarkusTransaction.requiringNew().call(() -> sql.claim(calendar.now(), BATCH));
      if (batch.isEmpty()) {
        metrics.refreshNotices();
        return sent;
      }
      List<Long> delivered = new java.util.ArrayList<>();
      for (NoticeSql.Claimed n : batch) {
        long id = n.id();
        int attempts = n.attempts();
        try {
          send(n.recipient(), n.subject(), n.body(), id);
          delivered.add(id);
        } catch (RuntimeException e) {
          LOG.warnf("Notice %d to %s: attempt %d failed: %s", id, n.recipient(), attempts, e.getMessage());
          QuarkusTransaction.requiringNew().run(() -> markFailedAttempt(id, attempts, e));
        }
      }
      if (!delivered.isEmpty()) {
        QuarkusTransaction.requiringNew().run(() -> markSent(delivered));
        sent += delivered.size();
      }
    }
  }

  private void send(String to, String subject, String body, long id) {
    if (smtp) {
      mailer.send(Mail.withText(to, subject, body));
    } else {
      LOG.infof("Notice %d (no SMTP configured, logged instead of sent) to %s%n  %s%n  %s", id, to, subject, body);
    }
  }

  private void markSent(List<Long> ids) {
    sql.markSent(ids, calendar.now(), smtp ? "SMTP" : "LOG");
  }

  private void markFailedAttempt(long id, int attempts, RuntimeException e) {
    boolean last = attempts >= config.notices().maxAttempts();
    Instant next = calendar.now().plus(Duration.ofSeconds((long) config.notices().retrySeconds() << Math.min(attempts - 1, 16)));
    String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    sql.markAttemptFailed(id, last ? "FAILED" : "PENDING", next, error.length() > 1000 ? error.substring(0, 1000) : error);
  }

  /** SENDING for over 10 minutes means the sender died in the middle: say so, do not resend blindly. */
  private void recoverInterrupted() {
    QuarkusTransaction.requiringNew().run(() -> sql.markInterrupted(calendar.now().minus(Duration.ofMinutes(10))));
  }

  /** Puts a FAILED notice back in the queue (the office's retry). */
  public boolean retry(long id) {
    return QuarkusTransaction.requiringNew().call(() -> sql.requeue(id, calendar.now()));
  }
}

package org.duban.scan;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

  private final EntityManager em;
  private final Mailer mailer;
  private final TrackerConfig config;
  private final BusinessCalendar calendar;
  private final boolean smtp;

  private final org.duban.platform.TrackerMetrics metrics;

  public NoticeDispatcher(EntityManager em, Mailer mailer, TrackerConfig config, BusinessCalendar calendar,
      org.duban.platform.TrackerMetrics metrics) {
    this.metrics = metrics;
    this.em = em;
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
      List<Object[]> batch = QuarkusTransaction.requiringNew().call(this::claim);
      if (batch.isEmpty()) {
        metrics.refreshNotices();
        return sent;
      }
      List<Long> delivered = new java.util.ArrayList<>();
      for (Object[] n : batch) {
        long id = ((Number) n[0]).longValue();
        int attempts = ((Number) n[4]).intValue();
        try {
          send((String) n[1], (String) n[2], (String) n[3], id);
          delivered.add(id);
        } catch (RuntimeException e) {
          LOG.warnf("Notice %d to %s: attempt %d failed: %s", id, n[1], attempts, e.getMessage());
          QuarkusTransaction.requiringNew().run(() -> markFailedAttempt(id, attempts, e));
        }
      }
      if (!delivered.isEmpty()) {
        QuarkusTransaction.requiringNew().run(() -> markSent(delivered));
        sent += delivered.size();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> claim() {
    return em.createNativeQuery(
            "update notice set state = 'SENDING', attempts = attempts + 1 where id in ("
                + " select id from notice where state = 'PENDING' and next_attempt_at <= ?1"
                + " order by id limit ?2 for update skip locked)"
                + " returning id, recipient, subject, body, attempts")
        .setParameter(1, calendar.now())
        .setParameter(2, BATCH)
        .getResultList();
  }

  private void send(String to, String subject, String body, long id) {
    if (smtp) {
      mailer.send(Mail.withText(to, subject, body));
    } else {
      LOG.infof("Notice %d (no SMTP configured, logged instead of sent) to %s%n  %s%n  %s", id, to, subject, body);
    }
  }

  private void markSent(List<Long> ids) {
    em.createNativeQuery("update notice set state = 'SENT', sent_at = ?2, channel = ?3, last_error = null where id = any(?1)")
        .setParameter(1, ids.toArray(new Long[0]))
        .setParameter(2, calendar.now())
        .setParameter(3, smtp ? "SMTP" : "LOG")
        .executeUpdate();
  }

  private void markFailedAttempt(long id, int attempts, RuntimeException e) {
    boolean last = attempts >= config.notices().maxAttempts();
    Instant next = calendar.now().plus(Duration.ofSeconds((long) config.notices().retrySeconds() << Math.min(attempts - 1, 16)));
    String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    em.createNativeQuery("update notice set state = ?2, next_attempt_at = ?3, last_error = ?4 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, last ? "FAILED" : "PENDING")
        .setParameter(3, next)
        .setParameter(4, error.length() > 1000 ? error.substring(0, 1000) : error)
        .executeUpdate();
  }

  /** SENDING for over 10 minutes means the sender died in the middle: say so, do not resend blindly. */
  private void recoverInterrupted() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update notice set state = 'FAILED', last_error = 'delivery was interrupted; it may or may not have been sent'"
                            + " where state = 'SENDING' and next_attempt_at < ?1")
                    .setParameter(1, calendar.now().minus(Duration.ofMinutes(10)))
                    .executeUpdate());
  }

  /** Puts a FAILED notice back in the queue (the office's retry). */
  public boolean retry(long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery(
                            "update notice set state = 'PENDING', attempts = 0, next_attempt_at = ?2 where id = ?1 and state = 'FAILED'")
                        .setParameter(1, id)
                        .setParameter(2, calendar.now())
                        .executeUpdate()
                    == 1);
  }
}

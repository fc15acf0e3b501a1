package org.duban.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.duban.audit.dto.AuditView;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.SecurityNotice;
import org.duban.platform.SqlValues;
import org.jboss.logging.Logger;

/**
 * The security audit trail (V6): writes arrive from the journal by trigger in their own
 * transaction; logins and refusals arrive here as {@link SecurityNotice} events and are written in
 * a transaction of their own. Reading and verifying is for the AUDITOR only.
 */
@ApplicationScoped
public class AuditTrail {

  private static final Logger LOG = Logger.getLogger(AuditTrail.class);

  private final EntityManager em;
  private final Clock clock;
  private final jakarta.enterprise.inject.Instance<RefusalTally> tally;

  public AuditTrail(EntityManager em, Clock clock, jakarta.enterprise.inject.Instance<RefusalTally> tally) {
    this.em = em;
    this.clock = clock;
    this.tally = tally;
  }

  /** A notice with an actor is written at once; one without (an anonymous refusal) is tallied ({@link RefusalTally}). */
  void on(@ObservesAsync SecurityNotice n) {
    if (n.actor() == null && ("DENIED".equals(n.action()) || "THROTTLED".equals(n.action()))) {
      tally.get().add(n);
      return;
    }
    write(n);
  }

  void write(SecurityNotice n) {
    try {
      QuarkusTransaction.requiringNew().run(() ->
          em.createNativeQuery(
                  "insert into audit_event (at, actor, role, client_ip, action, target, result, detail)"
                      + " values (?1, ?2, null, ?3, ?4, ?5, ?6, ?7)")
              .setParameter(1, Instant.now(clock))
              .setParameter(2, truncate(n.actor() == null ? "anonymous" : n.actor(), 64))
              .setParameter(3, n.clientIp())
              .setParameter(4, n.action())
              .setParameter(5, truncate(n.target(), 2000))
              .setParameter(6, n.result())
              .setParameter(7, n.detail())
              .executeUpdate());
    } catch (RuntimeException e) {
      // an audit row that cannot be written is an operational alarm, never a silent loss
      LOG.errorf(e, "AUDIT WRITE FAILED: %s", n);
    }
  }

  @Transactional
  public Page<AuditView> list(String actor, String action, Instant from, Instant to, PageRequest page) {
    return list(actor, action, null, from, to, page);
  }

  /** The actions a row may name (the {@code action=} filter). */
  public static final java.util.List<String> ACTIONS = java.util.List.of("WRITE", "LOGIN", "LOGIN_FAILED", "LOCKED", "DENIED", "THROTTLED", "SCAN");

  /** The results a row may carry (the {@code result=} filter). */
  public static final java.util.List<String> RESULTS = java.util.List.of("OK", "FAILED", "DENIED", "REFUSED");

  /** A page of the trail, newest first; each filter off when null ({@code result}: OK, FAILED, DENIED, REFUSED). */
  @Transactional
  public Page<AuditView> list(String actor, String action, String result, Instant from, Instant to, PageRequest page) {
    String where = " where (cast(?1 as text) is null or actor = cast(?1 as text)) and (cast(?2 as text) is null or action = cast(?2 as text))"
        + " and (cast(?3 as timestamptz) is null or at >= ?3) and (cast(?4 as timestamptz) is null or at < ?4)"
        + " and (cast(?5 as text) is null or result = cast(?5 as text))";
    long total = ((Number) bind(em.createNativeQuery("select count(*) from audit_event" + where), actor, action, from, to)
        .setParameter(5, result).getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<jakarta.persistence.Tuple> rows =
        bind(em.createNativeQuery(
                "select id, at, actor, client_ip, action, target, result, detail, hash from audit_event" + where
                    + " order by id desc limit ?6 offset ?7", jakarta.persistence.Tuple.class), actor, action, from, to)
            .setParameter(5, result)
            .setParameter(6, page.size)
            .setParameter(7, page.offset())
            .getResultList();
    List<AuditView> items = rows.stream()
        .map(t -> new AuditView(((Number) t.get("id")).longValue(), SqlValues.instant(t.get("at")), t.get("actor", String.class),
            t.get("client_ip", String.class), t.get("action", String.class), t.get("target", String.class),
            t.get("result", String.class), t.get("detail", String.class), t.get("hash", String.class)))
        .toList();
    return new Page<>(items, page.page, page.size, total);
  }

  private static jakarta.persistence.Query bind(jakarta.persistence.Query q, String actor, String action, Instant from, Instant to) {
    return q.setParameter(1, actor).setParameter(2, action).setParameter(3, from).setParameter(4, to);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}

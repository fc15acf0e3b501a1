package org.duban.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.duban.audit.dto.AuditCheckpointView;
import org.duban.audit.dto.AuditVerification;
import org.duban.platform.Keys;
import org.duban.platform.SqlValues;
import org.duban.platform.TrackerConfig;
import org.duban.platform.WallClock;
import org.jboss.logging.Logger;

/**
 * Anchors the audit chain outside the database. The chain's SHA-256 needs no key, so whoever owns
 * the database could rewrite a row and recompute every hash after it; a checkpoint is an HMAC, under
 * TRACKER_AUDIT_KEY (which the database never holds), of the chain's head (last row id and hash) and
 * of the previous checkpoint's MAC. Checkpoints are taken every TRACKER_AUDIT_CHECKPOINT_EVERY when
 * the chain has grown; each day's last one is published (GET /api/v1/public/audit-checkpoints), so
 * that whoever archived it can prove a later rewrite even if the checkpoints themselves are removed.
 *
 * <p>Verification recomputes the chain row by row, then each checkpoint: its MAC, its link to the
 * one before, and whether the row it names still has the hash it recorded. A rewrite with
 * recomputed hashes passes the first test and fails the third, at the first checkpoint after the
 * rewritten row: the interval between that checkpoint and the one before holds the change.
 *
 * <p>One class past 250 lines on purpose: taking a checkpoint and verifying one must agree on a
 * single definition of what the MAC covers ({@link #macInput}), on the interval and on "late";
 * kept side by side, they cannot drift apart.
 */
@ApplicationScoped
public class AuditAnchor {

  private static final Logger LOG = Logger.getLogger(AuditAnchor.class);
  static final String ZERO = "0".repeat(64);
  /** Serialises checkpointing across instances (the chain itself uses 4242001). */
  private static final long LOCK = 4242002L;

  private final EntityManager em;
  private final Keys keys;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration every;

  public AuditAnchor(EntityManager em, Keys keys, @WallClock Clock clock, TrackerConfig config) {
    this.em = em;
    this.keys = keys;
    this.clock = clock;
    this.zone = config.zone();
    this.every = parse(config.audit().checkpointEvery());
  }

  @Scheduled(identity = "audit-checkpoint", every = "${tracker.audit.checkpoint-every}", delayed = "20s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    anchorNow("scheduled");
  }

  /**
   * A checkpoint before anything is written at start (the gap since the last one, the downtime, must
   * hold no rows), and one when start-up has written what it writes (the catalogue, accounts, a
   * catch-up scan), so that a fresh trail is anchored at once.
   */
  void onStart(@Observes @Priority(5) StartupEvent event) {
    if (!every.isZero()) {
      anchorNow("start");
    }
  }

  void afterStart(@Observes @Priority(500) StartupEvent event) {
    if (!every.isZero()) {
      anchorNow("started");
    }
  }

  /** And one on the way out, so that a planned stop leaves no unanchored rows. */
  void onStop(@Observes ShutdownEvent event) {
    if (!every.isZero()) {
      anchorNow("stop");
    }
  }

  private void anchorNow(String why) {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      LOG.errorf(e, "AUDIT CHECKPOINT FAILED (%s): the audit chain's head is not anchored", why);
    }
  }

  /**
   * Takes a checkpoint of the chain's head, also when it has not moved (a heartbeat: gaps between
   * checkpoints then mean something); returns its id. Replicas take turns
   * under an advisory lock, and one checkpoint per half interval is enough.
   */
  @Transactional
  public long checkpoint() {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    List<Tuple> head = tuples("select id, hash from audit_event order by id desc limit 1");
    // an empty trail is anchored too (row 0, the zero hash): from the first start on, a trail with
    // rows but no checkpoint can only mean that checkpoints were removed
    long lastId = head.isEmpty() ? 0 : ((Number) head.get(0).get("id")).longValue();
    String hash = head.isEmpty() ? ZERO : head.get(0).get("hash", String.class);
    Instant at = clock.instant();
    List<Tuple> last = tuples("select id, at, last_event_id, mac from audit_checkpoint order by id desc limit 1");
    if (!last.isEmpty() && !every.isZero() && ((Number) last.get(0).get("last_event_id")).longValue() == lastId
        && SqlValues.instant(last.get(0).get("at")).plus(every.dividedBy(2)).isAfter(at)) {
      return ((Number) last.get(0).get("id")).longValue(); // another replica has just anchored this head
    }
    String prevMac = last.isEmpty() ? ZERO : last.get(0).get("mac", String.class);
    long id = ((Number) em.createNativeQuery("select nextval(pg_get_serial_sequence('audit_checkpoint', 'id'))").getSingleResult()).longValue();
    String mac = keys.auditMac(macInput(id, at, lastId, hash, prevMac));
    em.createNativeQuery("insert into audit_checkpoint (id, at, last_event_id, head_hash, prev_mac, key_id, mac)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, id).setParameter(2, at).setParameter(3, lastId).setParameter(4, hash)
        .setParameter(5, prevMac).setParameter(6, keys.auditKeyId()).setParameter(7, mac)
        .executeUpdate();
    return id;
  }

  /**
   * The chain, then the checkpoints; names the first row, or the first interval, that no longer
   * matches. Every hash is recomputed here, in Java: nothing the database's owner could redefine (a
   * function, a trigger) takes part in the check.
   */
  @Transactional
  public AuditVerification verify() {
    long rows = 0;
    Long firstBroken = null;
    String reason = null;
    String before = ZERO;
    long after = 0;
    while (firstBroken == null) {
      List<Tuple> page = rowsAfter(after);
      if (page.isEmpty()) {
        break;
      }
      for (Tuple r : page) {
        long id = ((Number) r.get("id")).longValue();
        String prev = r.get("prev_hash", String.class);
        String hash = r.get("hash", String.class);
        rows++;
        if (!before.equals(prev)) {
          firstBroken = id;
          reason = "the row does not link to the one before it";
          break;
        }
        String expected = AuditHash.of(prev, id, SqlValues.instant(r.get("at")), r.get("actor", String.class), r.get("role", String.class),
            r.get("client_ip", String.class), r.get("action", String.class), r.get("target", String.class), r.get("result", String.class),
            r.get("detail", String.class));
        if (!expected.equals(hash)) {
          firstBroken = id;
          reason = "the row's content does not match its hash";
          break;
        }
        before = hash;
        after = id;
      }
    }
    if (firstBroken != null) {
      rows = ((Number) em.createNativeQuery("select count(*) from audit_event").getSingleResult()).longValue();
    }

    List<Tuple> cps = tuples("select c.id, c.at, c.last_event_id, c.head_hash, c.prev_mac, c.key_id, c.mac, e.hash as now_hash"
        + " from audit_checkpoint c left join audit_event e on e.id = c.last_event_id order by c.id");
    String prevMac = ZERO;
    long prevLast = 0;
    Instant prevAt = null;
    long checked = 0;
    Long brokenCp = null;
    Long brokenAfter = null;
    Long through = null;
    String cpReason = null;
    Instant lastAt = null;
    for (Tuple c : cps) {
      long id = ((Number) c.get("id")).longValue();
      Instant at = SqlValues.instant(c.get("at"));
      long lastId = ((Number) c.get("last_event_id")).longValue();
      String head = c.get("head_hash", String.class);
      checked++;
      if (!keys.auditKeyId().equals(c.get("key_id", String.class))) {
        cpReason = "checkpoint " + id + " was made under another audit key: it cannot be checked with this one";
      } else if (!Keys.same(keys.auditMac(macInput(id, at, lastId, head, c.get("prev_mac", String.class))), c.get("mac", String.class))) {
        cpReason = "checkpoint " + id + " was altered or forged: its MAC does not match";
      } else if (!prevMac.equals(c.get("prev_mac", String.class))) {
        cpReason = "a checkpoint before " + id + " is missing or was altered: the checkpoints' own chain is broken";
      } else if (!head.equals(lastId == 0 ? ZERO : c.get("now_hash", String.class))) {
        cpReason = "rows after " + prevLast + " up to " + lastId + " were changed (or removed) after checkpoint " + id + " was taken";
      } else if (late(prevAt, at) && lastId > prevLast) {
        cpReason = "rows after " + prevLast + " up to " + lastId + " were anchored only by checkpoint " + id + ", more than three"
            + " intervals after the one before: the app stopped without its last checkpoint, or checkpoints were removed"
            + " (compare with the published daily checkpoints)";
      }
      if (cpReason != null) {
        brokenCp = id;
        brokenAfter = prevLast;
        through = lastId;
        break;
      }
      prevMac = c.get("mac", String.class);
      prevLast = lastId;
      prevAt = at;
      lastAt = at;
    }
    long unanchored = ((Number) em.createNativeQuery("select count(*) from audit_event where id > ?1")
        .setParameter(1, prevLast).getSingleResult()).longValue();
    if (brokenCp == null && !every.isZero()) {
      if (lastAt == null && rows > 0) {
        cpReason = "no checkpoint anchors the trail's " + rows + " rows: checkpoints may have been removed"
            + " (compare with the published daily checkpoints)";
      } else if (lastAt != null && late(lastAt, clock.instant())) {
        cpReason = "the last checkpoint (" + lastAt + ") is more than three intervals old: checkpoints stopped, or later ones"
            + " were removed (compare with the published daily checkpoints)";
      }
    }
    boolean intact = firstBroken == null && cpReason == null;
    String why = reason != null ? reason : cpReason;
    return new AuditVerification(intact, rows, firstBroken, why, checked, brokenCp, brokenAfter, through, lastAt, unanchored);
  }

  /** Whether {@code later} is more than three checkpoint intervals after {@code earlier} (never with checkpoints off). */
  private boolean late(Instant earlier, Instant later) {
    return earlier != null && !every.isZero() && earlier.plus(every.multipliedBy(3)).isBefore(later);
  }

  @SuppressWarnings("unchecked")
  private List<Tuple> rowsAfter(long id) {
    return em.createNativeQuery("select id, at, actor, role, client_ip, action, target, result, detail, prev_hash, hash"
            + " from audit_event where id > ?1 order by id limit 5000", Tuple.class)
        .setParameter(1, id).getResultList();
  }

  /** Each day's last checkpoint, newest first (for the public side). */
  @Transactional
  public List<AuditCheckpointView> daily(int days) {
    @SuppressWarnings("unchecked")
    List<Tuple> rows = em.createNativeQuery("select distinct on (d) d, at, last_event_id, head_hash, mac from ("
            + " select (at at time zone cast(?1 as text))::date as d, at, last_event_id, head_hash, mac, id"
            + " from audit_checkpoint) c order by d desc, id desc limit ?2", Tuple.class)
        .setParameter(1, zone.getId()).setParameter(2, Math.max(1, Math.min(days, 3660))).getResultList();
    return rows.stream().map(t -> new AuditCheckpointView(SqlValues.date(t.get("d")), SqlValues.instant(t.get("at")),
        ((Number) t.get("last_event_id")).longValue(), t.get("head_hash", String.class), t.get("mac", String.class))).toList();
  }

  static String macInput(long id, Instant at, long lastEventId, String headHash, String prevMac) {
    return "v1|" + id + "|" + at.toEpochMilli() + "|" + lastEventId + "|" + headHash + "|" + prevMac;
  }

  @SuppressWarnings("unchecked")
  private List<Tuple> tuples(String sql) {
    return em.createNativeQuery(sql, Tuple.class).getResultList();
  }

  /** The interval; {@link Duration#ZERO} for "off" (no timer: tests, or an operator who checkpoints by hand). */
  static Duration parse(String every) {
    String e = every.strip().toLowerCase();
    if (e.equals("off") || e.equals("disabled")) {
      return Duration.ZERO;
    }
    try {
      long n = Long.parseLong(e.substring(0, e.length() - 1));
      return switch (e.charAt(e.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException("TRACKER_AUDIT_CHECKPOINT_EVERY must be like 30s, 10m, 1h: " + every);
    }
  }
}

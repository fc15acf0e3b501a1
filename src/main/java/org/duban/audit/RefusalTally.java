package org.duban.audit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duban.platform.SecurityNotice;

/**
 * Refusals of nobody in particular (no credentials, a dead cookie or token, a rate limit, a
 * cross-site write) are counted per client address, kind and minute, and written as one audit row
 * with the count when the minute is over, so a flood of anonymous requests costs the audit trail
 * (and its chain lock) one row a minute per address, not one per request. Counts still open when
 * the app stops are written on the way out.
 */
@ApplicationScoped
public class RefusalTally {

  /** Where refusals of one address, kind and minute are counted. */
  record Bucket(String address, String action, String target, long minute) {}

  private final Map<Bucket, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AuditTrail trail;

  public RefusalTally(AuditTrail trail) {
    this.trail = trail;
  }

  void add(SecurityNotice n) {
    long minute = System.currentTimeMillis() / 60_000;
    counts.computeIfAbsent(new Bucket(org.duban.platform.ClientAddress.bucket(n.clientIp()), n.action(), kind(n), minute),
        b -> new AtomicLong()).incrementAndGet();
  }

  /** The kind of refusal, without anything a client made up (paths are left out: they are the client's text). */
  private static String kind(SecurityNotice n) {
    return n.detail() == null ? "refused" : n.detail();
  }

  @Scheduled(identity = "audit-refusal-tally", every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void flushFinishedMinutes() {
    flush(System.currentTimeMillis() / 60_000);
  }

  void onStop(@Observes ShutdownEvent event) {
    flush(Long.MAX_VALUE);
  }

  /** Writes every bucket of a minute before {@code beforeMinute}; returns how many rows. For tests: {@code flushAll}. */
  int flush(long beforeMinute) {
    List<Bucket> done = new ArrayList<>();
    for (Bucket b : counts.keySet()) {
      if (b.minute() < beforeMinute) {
        done.add(b);
      }
    }
    int rows = 0;
    for (Bucket b : done) {
      AtomicLong n = counts.remove(b);
      if (n == null) {
        continue;
      }
      Instant from = Instant.ofEpochSecond(b.minute() * 60);
      trail.write(new SecurityNotice(null, b.address(), b.action(), "anonymous requests refused (" + b.target() + ")", "DENIED",
          "{\"count\":" + n.get() + ",\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(60) + "\"}"));
      rows++;
    }
    return rows;
  }

  /** Writes every count now, finished minute or not. */
  public int flushAll() {
    return flush(Long.MAX_VALUE);
  }
}

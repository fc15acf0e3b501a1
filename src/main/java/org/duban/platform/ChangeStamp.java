package org.duban.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Caches views that are costly to compute and cheap to check: a view is kept with the change stamp
 * (the duban_change_seq number every writing statement draws, see V4) and the business date it was
 * built for, and is rebuilt as soon as either moves. A change made while a view was being built
 * may be drawn before it commits; such a view is still dropped after {@link #MAX_AGE_NANOS}, so no
 * reader sees a state older than the last change by more than that.
 */
@ApplicationScoped
public class ChangeStamp {

  /** The bound on staleness in the rare case above: 10 seconds. */
  static final long MAX_AGE_NANOS = 10_000_000_000L;

  private record Entry(long stamp, LocalDate day, long builtAt, Object value) {}

  private final EntityManager em;
  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

  public ChangeStamp(EntityManager em) {
    this.em = em;
  }

  /** How long {@link #recent()} trusts the last stamp it read when this instance wrote nothing since. */
  static final long RECHECK_NANOS = 1_000_000_000L;

  private volatile long lastStamp = -1;
  private volatile long lastCheck;
  private volatile boolean wroteSince = true;

  /**
   * The stamp, read from the database at most once a second unless this instance has written
   * since: a change made here is seen at once, a change made by another replica within a second.
   */
  public long recent() {
    if (wroteSince || System.nanoTime() - lastCheck > RECHECK_NANOS) {
      wroteSince = false;
      lastStamp = current();
      lastCheck = System.nanoTime();
    }
    return lastStamp;
  }

  /**
   * The stamp as last read, if that was less than a second ago and this instance has written
   * nothing since; null otherwise (then {@link #recent()} must ask the database).
   */
  public Long known() {
    if (wroteSince || lastStamp < 0 || System.nanoTime() - lastCheck > RECHECK_NANOS) {
      return null;
    }
    return lastStamp;
  }

  /** Called after a successful write in this instance (request filter, scans). */
  public void wrote() {
    wroteSince = true;
  }

  /** The current stamp (needs a transaction or a request scope for the connection). */
  public long current() {
    return ((Number) em.createNativeQuery("select last_value from duban_change_seq").getSingleResult()).longValue();
  }

  /** The cached view under key for this day and the current stamp, or a fresh one. */
  @SuppressWarnings("unchecked")
  public <T> T cached(String key, LocalDate day, Supplier<T> build) {
    long stamp = current();
    long now = System.nanoTime();
    Entry e = cache.get(key);
    if (e != null && e.stamp == stamp && e.day.equals(day) && now - e.builtAt < MAX_AGE_NANOS) {
      return (T) e.value;
    }
    T value = build.get();
    cache.put(key, new Entry(stamp, day, now, value));
    return value;
  }
}

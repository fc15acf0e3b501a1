package org.duban.publicapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.ChangeStamp;
import org.duban.platform.TrackerConfig;

/**
 * The public responses, kept as bytes with a strong ETag (a hash of the bytes). An entry is used
 * while the change stamp and the business date it was built at are current (so every change,
 * here or on another replica, drops it: at once here, within a second elsewhere) and it is younger
 * than max-age; {@code If-None-Match} with its ETag answers 304. Browsers and proxies may keep a
 * response for max-age ({@code Cache-Control: public, max-age}): a reader never sees a state older
 * than the last change by more than about max-age plus a second.
 */
@ApplicationScoped
public class PublicCache {

  record Entry(long stamp, LocalDate day, long builtAt, byte[] body, String etag, String type, AtomicBoolean refreshing) {}

  private final Cache<String, Entry> entries =
      Caffeine.newBuilder().maximumWeight(64L << 20).weigher((String k, Entry e) -> e.body.length + k.length()).build();
  private final ChangeStamp stamps;
  private final BusinessCalendar calendar;
  private final ObjectMapper json;
  private final int maxAgeSeconds;

  public PublicCache(ChangeStamp stamps, BusinessCalendar calendar, ObjectMapper json, TrackerConfig config) {
    this.stamps = stamps;
    this.calendar = calendar;
    this.json = json;
    this.maxAgeSeconds = config.publicMaxAge();
  }

  /** A JSON view: from the cache, or built (errors are not cached: they propagate). */
  public Response json(String key, HttpHeaders headers, Supplier<Object> view) {
    return bytes(key, headers, "application/json", () -> {
      try {
        return json.writeValueAsBytes(view.get());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Any body: from the cache, or built. */
  public Response bytes(String key, HttpHeaders headers, String type, Supplier<byte[]> build) {
    long stamp = stamps.recent();
    LocalDate day = calendar.today();
    Entry e = entries.getIfPresent(key);
    if (e == null || e.stamp != stamp || !e.day.equals(day)) {
      // something changed: one request per key builds, the others wait for it (no stampede)
      e = entries.asMap().compute(key, (k, old) -> current(old, stamp, day) ? old : build(stamp, day, type, build));
    } else if (aged(e) && e.refreshing.compareAndSet(false, true)) {
      // only older than max-age (the bound on a change drawn before it committed): this request
      // rebuilds, the others keep answering from the entry meanwhile (its flag stays set: the new
      // entry replaces it)
      e = build(stamp, day, type, build);
      entries.put(key, e);
    }
    return answer(e, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
  }

  /**
   * The event-loop fast path (PublicGate): an entry that is certainly current, without asking the
   * database (the stamp was read less than a second ago and this instance wrote nothing since);
   * null means "ask the resource".
   */
  Entry peek(String key) {
    Long stamp = stamps.known();
    if (stamp == null) {
      return null;
    }
    Entry e = entries.getIfPresent(key);
    if (e == null || e.stamp != stamp || !e.day.equals(calendar.today()) || aged(e)) {
      return null;
    }
    return e;
  }

  String cacheControl() {
    return "public, max-age=" + maxAgeSeconds;
  }

  private boolean current(Entry e, long stamp, LocalDate day) {
    return e != null && e.stamp == stamp && e.day.equals(day) && !aged(e);
  }

  private boolean aged(Entry e) {
    return System.nanoTime() - e.builtAt > maxAgeSeconds * 1_000_000_000L;
  }

  private static Entry build(long stamp, LocalDate day, String type, Supplier<byte[]> build) {
    byte[] body = build.get();
    return new Entry(stamp, day, System.nanoTime(), body, etagOf(body), type, new AtomicBoolean());
  }

  private Response answer(Entry e, String ifNoneMatch) {
    EntityTag tag = new EntityTag(e.etag);
    String cacheControl = cacheControl();
    if (matches(ifNoneMatch, e.etag)) {
      return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
    return Response.ok(e.body, e.type).tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
  }

  /** If-None-Match: a list of entity tags or *; a weak tag matches by its value (RFC 9110 weak comparison). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String t : ifNoneMatch.split(",")) {
      String tag = t.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("\"" + etag + "\"")) {
        return true;
      }
    }
    return false;
  }

  private static String etagOf(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}

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

  record Entry(long stamp, LocalDate day, long builtAt, byte[] body, String etag, String type) {}

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
    long now = System.nanoTime();
    Entry e = entries.getIfPresent(key);
    if (e == null || e.stamp != stamp || !e.day.equals(day) || now - e.builtAt > maxAgeSeconds * 1_000_000_000L) {
      byte[] body = build.get();
      e = new Entry(stamp, day, now, body, etagOf(body), type);
      entries.put(key, e);
    }
    EntityTag tag = new EntityTag(e.etag);
    String cacheControl = "public, max-age=" + maxAgeSeconds;
    if (matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), e.etag)) {
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

package org.duban.publicapi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.duban.platform.ClientAddress;
import org.duban.platform.Problem;
import org.duban.platform.ProblemTexts;
import org.duban.platform.TrackerConfig;

/**
 * In front of everything public (the API under /api/v1/public and the public pages): fair use,
 * TRACKER_PUBLIC_RATE_LIMIT requests a minute per client address (429 with Retry-After beyond),
 * and CORS open for GET there only (staff endpoints send no CORS headers, so browsers keep other
 * sites out of them).
 */
@ApplicationScoped
public class PublicGate {

  private final int limit;
  private final ClientAddress clients;
  private final RateLimiterConfig perClient;
  private final Cache<String, RateLimiter> limiters =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(2)).build();

  private final PublicCache cache;

  /** The cache key of a public API request: its path and query exactly as sent. */
  static String key(String rawPath, String rawQuery) {
    return rawPath + (rawQuery == null ? "" : "?" + rawQuery);
  }

  public PublicGate(TrackerConfig config, ClientAddress clients, PublicCache cache) {
    this.cache = cache;
    this.limit = config.publicRateLimit();
    this.clients = clients;
    this.perClient =
        RateLimiterConfig.custom()
            .limitForPeriod(Math.max(1, limit))
            .limitRefreshPeriod(Duration.ofMinutes(1))
            .timeoutDuration(Duration.ZERO)
            .build();
  }

  void install(@Observes Router router) {
    for (String path : new String[] {"/api/v1/public/*", "/", "/measures/*", "/regions", "/regions/*"}) {
      router.route(path).order(Integer.MIN_VALUE + 1).handler(this::handle);
    }
  }

  private void handle(RoutingContext ctx) {
    boolean api = ctx.request().path().startsWith("/api/v1/public/");
    if (api && ctx.request().method() == HttpMethod.OPTIONS) {
      ctx.response()
          .setStatusCode(204)
          .putHeader("Access-Control-Allow-Origin", "*")
          .putHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
          .putHeader("Access-Control-Allow-Headers", "If-None-Match")
          .putHeader("Access-Control-Max-Age", "86400")
          .end();
      return;
    }
    if (api) {
      ctx.response()
          .putHeader("Access-Control-Allow-Origin", "*")
          .putHeader("Access-Control-Expose-Headers", "ETag, Retry-After");
    }
    if (limit > 0) {
      String client = clients.of(ctx.request());
      RateLimiter limiter = limiters.get(client == null ? "?" : ClientAddress.bucket(client), k -> RateLimiter.of(k, perClient));
      if (!limiter.acquirePermission()) {
        long nanos = limiter instanceof AtomicRateLimiter a ? a.getDetailedMetrics().getNanosToWait() : 60_000_000_000L;
        long wait = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        ProblemTexts.Language language = ProblemTexts.preferred(ctx.request().getHeader("Accept-Language"));
        String body =
            "{\"type\":\"about:blank\",\"title\":\"" + ProblemTexts.in(language, "Too many requests") + "\",\"status\":429,\"detail\":\""
                + ProblemTexts.in(language, "More than " + limit + " requests a minute from one address: try again in " + wait + " s.")
                + "\",\"instance\":\"" + ctx.request().path().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        ctx.response()
            .setStatusCode(429)
            .putHeader("Content-Type", Problem.MEDIA_TYPE)
            .putHeader("Content-Language", language == ProblemTexts.Language.ZH ? "zh-CN" : "en")
            .putHeader("Vary", "Accept-Language")
            .putHeader("Retry-After", Long.toString(wait))
            .end(Buffer.buffer(body));
        return;
      }
    }
    if (api && !ctx.request().path().endsWith(".csv")
        && (ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD)) {
      // a current cached answer goes out from here, on the event loop: no worker thread, no database
      PublicCache.Entry e = cache.peek(key(ctx.request().path(), ctx.request().query()));
      if (e != null) {
        var response = ctx.response()
            .putHeader("ETag", "\"" + e.etag() + "\"")
            .putHeader("Cache-Control", cache.cacheControl());
        if (PublicCache.matches(ctx.request().getHeader("If-None-Match"), e.etag())) {
          response.setStatusCode(304).end();
        } else if (ctx.request().method() == HttpMethod.HEAD) {
          response.putHeader("Content-Type", e.type()).putHeader("Content-Length", Integer.toString(e.body().length)).end();
        } else {
          response.putHeader("Content-Type", e.type()).end(Buffer.buffer(e.body()));
        }
        return;
      }
    }
    ctx.next();
  }
}

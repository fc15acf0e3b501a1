package org.duban.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.duban.platform.ClientAddress;
import org.duban.platform.Problem;
import org.duban.platform.ProblemTexts;
import org.duban.platform.SecurityNotice;
import org.duban.platform.TrackerConfig;

/**
 * In front of every staff route (the staff API, the staff pages, the login form, logout), before
 * anyone is authenticated and so before any password is checked:
 *
 * <ol>
 *   <li>fair use: TRACKER_STAFF_RATE_LIMIT requests a minute per client address (429 beyond);
 *   <li>no cross-site writes: a state-changing request a browser marks {@code Sec-Fetch-Site:
 *       cross-site} is refused, and a state-changing API call carrying Basic credentials or a
 *       session cookie in a content type a plain HTML form can send (form-urlencoded, multipart,
 *       text/plain) must carry {@code X-Requested-By}, which no form can add;
 *   <li>the failed-sign-in throttle: from an address with too many failed passwords, the next
 *       password is refused unread (429), so a flood of guesses costs no bcrypt.
 * </ol>
 *
 * Refusals here are anonymous (nobody is signed in yet): the audit trail counts them per address
 * and minute instead of writing a row each.
 */
@ApplicationScoped
public class StaffGate {

  /** Content types an HTML form can send without script (and so without a CORS preflight). */
  static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  private final int limit;
  private final RateLimiterConfig perClient;
  private final Cache<String, RateLimiter> limiters =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(2)).build();
  private final ClientAddress clients;
  private final LoginThrottle throttle;
  private final Event<SecurityNotice> notices;

  public StaffGate(TrackerConfig config, ClientAddress clients, LoginThrottle throttle, Event<SecurityNotice> notices) {
    this.limit = config.staffRateLimit();
    this.clients = clients;
    this.throttle = throttle;
    this.notices = notices;
    this.perClient = RateLimiterConfig.custom()
        .limitForPeriod(Math.max(1, limit))
        .limitRefreshPeriod(Duration.ofMinutes(1))
        .timeoutDuration(Duration.ZERO)
        .build();
  }

  void install(@Observes Router router) {
    for (String path : new String[] {"/api/*", "/staff", "/staff/*", "/login", "/j_security_check", "/logout"}) {
      router.route(path).order(Integer.MIN_VALUE + 1).handler(this::handle);
    }
  }

  /** Whether the route is a staff route (the public API under /api/v1/public is not). */
  static boolean staffRoute(String path) {
    return DubanAuthMechanism.staffApi(path) || DubanAuthMechanism.staffPage(path)
        || path.equals("/login") || path.equals("/j_security_check");
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String path = ctx.normalizedPath();
    if (!staffRoute(path)) {
      ctx.next();
      return;
    }
    String address = clients.of(request);
    if (limit > 0) {
      RateLimiter limiter = limiters.get(address == null ? "?" : ClientAddress.bucket(address), k -> RateLimiter.of(k, perClient));
      if (!limiter.acquirePermission()) {
        long nanos = limiter instanceof AtomicRateLimiter a ? a.getDetailedMetrics().getNanosToWait() : 60_000_000_000L;
        long wait = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        refuse(ctx, address, 429, "Too many requests", "More than " + limit + " requests a minute from one address: try again in "
            + wait + " s.", wait, "rate limit");
        return;
      }
    }
    if (changesState(request.method())) {
      if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
        refuse(ctx, address, 403, "Forbidden", "A request from another site may not change anything here.", 0, "cross-site");
        return;
      }
      if (DubanAuthMechanism.staffApi(path) && formLike(request) && ambientCredentials(request) && request.getHeader("X-Requested-By") == null) {
        refuse(ctx, address, 403, "Forbidden",
            "A browser form cannot call the API: send the header X-Requested-By (any value) with this content type.", 0, "no X-Requested-By");
        return;
      }
    }
    if (passwordAttempt(request, path) && throttle.blocked(address)) {
      if (path.equals("/j_security_check")) {
        notices.fireAsync(new SecurityNotice(null, address, "THROTTLED", request.method() + " " + path, "DENIED", "failed sign-ins"));
        ctx.response().setStatusCode(303).putHeader("Location", "/login?error=throttled").end();
        return;
      }
      refuse(ctx, address, 429, "Too many requests", "Too many failed sign-ins from your address: try again in "
          + (throttle.retryAfterSeconds() / 60) + " minutes, or use an API token.", throttle.retryAfterSeconds(), "failed sign-ins");
      return;
    }
    ctx.next();
  }

  private void refuse(RoutingContext ctx, String address, int status, String title, String detail, long retryAfter, String why) {
    HttpServerRequest request = ctx.request();
    notices.fireAsync(new SecurityNotice(null, address, status == 429 ? "THROTTLED" : "DENIED",
        request.method() + " " + ctx.normalizedPath(), "DENIED", why));
    // in the language the request prefers, as every other problem answer (ProblemTexts)
    ProblemTexts.Language language = ProblemTexts.preferred(request.getHeader("Accept-Language"));
    var response = ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Content-Language", language == ProblemTexts.Language.ZH ? "zh-CN" : "en").putHeader("Vary", "Accept-Language");
    if (retryAfter > 0) {
      response.putHeader("Retry-After", Long.toString(retryAfter));
    }
    response.end(Buffer.buffer("{\"type\":\"about:blank\",\"title\":\"" + ProblemTexts.in(language, title) + "\",\"status\":" + status
        + ",\"detail\":\"" + ProblemTexts.in(language, detail).replace("\"", "'") + "\",\"instance\":\""
        + ctx.normalizedPath().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
  }

  private static boolean changesState(HttpMethod m) {
    return !(m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS);
  }

  private static boolean formLike(HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    if (type == null) {
      return false; // no body type: a form always sends one
    }
    int semi = type.indexOf(';');
    return FORM_TYPES.contains((semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT));
  }

  /** Credentials a browser attaches by itself: cached Basic, or the session cookie. */
  private static boolean ambientCredentials(HttpServerRequest request) {
    String h = request.getHeader("Authorization");
    return (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) || request.getCookie(Sessions.COOKIE) != null;
  }

  private static boolean passwordAttempt(HttpServerRequest request, String path) {
    if (path.equals("/j_security_check")) {
      return request.method() == HttpMethod.POST;
    }
    String h = request.getHeader("Authorization");
    return DubanAuthMechanism.staffApi(path) && h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
  }
}

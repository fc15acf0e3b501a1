package org.duban.platform;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A path with a semicolon is refused before anything else runs. Quarkus REST drops "matrix
 * parameters" (everything from ';' to the next '/') when it matches a resource, while the routes in
 * front of it (the staff gate, the authentication mechanism) see the path as sent: without this,
 * {@code /j_security_check;x} or {@code /api;x/v1/users} would reach the resource past the rate
 * limit, the failed-password throttle and the cross-site check. No Duban URL has one.
 */
@ApplicationScoped
public class PathGuard {

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(ctx -> {
      String path = ctx.request().path();
      if (path != null && (path.indexOf(';') >= 0 || path.toLowerCase(java.util.Locale.ROOT).contains("%3b"))) {
        ProblemTexts.Language language = ProblemTexts.preferred(ctx.request().getHeader("Accept-Language"));
        ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
            .putHeader("Content-Language", language.tag()).putHeader("Vary", "Accept-Language")
            .end(Buffer.buffer("{\"type\":\"about:blank\",\"title\":\"" + ProblemTexts.in(language, "Bad request") + "\",\"status\":400,"
                + "\"detail\":\"" + ProblemTexts.in(language, "A path with a semicolon (matrix parameters) is not taken here.") + "\"}"));
        return;
      }
      ctx.next();
    });
  }
}

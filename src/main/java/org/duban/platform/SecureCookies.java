package org.duban.platform;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * Cookies set on a request that came over TLS are marked Secure: TLS at the app itself, or at a
 * trusted proxy (TRACKER_TRUSTED_PROXIES) that says so with X-Forwarded-Proto: https.
 */
@ApplicationScoped
public class SecureCookies {

  private final ClientAddress clients;

  public SecureCookies(ClientAddress clients) {
    this.clients = clients;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(ctx -> {
      var request = ctx.request();
      boolean tls = request.isSSL()
          || ("https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")) && clients.viaTrustedProxy(request));
      if (tls) {
        ctx.addHeadersEndHandler(v -> {
          // cookies added through the cookie jar are written after this: mark them here
          for (io.vertx.core.http.Cookie c : request.cookies()) {
            // only those this response sets: a cookie the browser sent is left alone (re-sent, it
            // would lose its HttpOnly and SameSite)
            if (c instanceof io.vertx.core.http.impl.ServerCookie sc && sc.isChanged()) {
              c.setSecure(true);
            }
          }
          List<String> cookies = ctx.response().headers().getAll("Set-Cookie");
          if (cookies.isEmpty()) {
            return;
          }
          List<String> secured = new ArrayList<>();
          for (String c : cookies) {
            secured.add(c.toLowerCase().contains("; secure") ? c : c + "; Secure");
          }
          ctx.response().headers().remove("Set-Cookie");
          secured.forEach(c -> ctx.response().headers().add("Set-Cookie", c));
        });
      }
      ctx.next();
    });
  }
}

package org.duban.identity;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.duban.platform.ClientAddress;
import org.duban.platform.SecurityNotice;

/**
 * Records every form login in the audit trail: the login form posts to /j_security_check, which
 * answers a redirect to the landing page on success and to /login?error=1 on failure.
 */
@ApplicationScoped
public class LoginAudit {

  private final Event<SecurityNotice> notices;
  private final ClientAddress clients;

  public LoginAudit(Event<SecurityNotice> notices, ClientAddress clients) {
    this.notices = notices;
    this.clients = clients;
  }

  void install(@Observes Router router) {
    router.route(HttpMethod.POST, "/j_security_check").order(Integer.MIN_VALUE + 2).handler(ctx -> {
      String ip = clients.of(ctx.request());
      ctx.addEndHandler(done -> {
        String location = ctx.response().headers().get("Location");
        boolean ok = ctx.response().getStatusCode() == 302 && location != null && !location.contains("/login");
        String user = ctx.request().getFormAttribute("j_username");
        String name = user == null || user.isBlank() ? null : user.strip().substring(0, Math.min(64, user.strip().length()));
        notices.fireAsync(new SecurityNotice(name, ip, ok ? "LOGIN" : "LOGIN_FAILED", "POST /j_security_check", ok ? "OK" : "FAILED", "form"));
      });
      ctx.next();
    });
  }
}

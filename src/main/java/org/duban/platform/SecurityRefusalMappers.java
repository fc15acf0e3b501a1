package org.duban.platform;

import static org.duban.platform.ProblemMappers.path;
import static org.duban.platform.ProblemMappers.response;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security refusals (401, 403): each goes to the audit trail; a staff page sends its reader to the
 * login form, or to the page a restriction names, instead of a Basic challenge; the API answers
 * problem+json through {@link ProblemMappers#response}. (429 and cross-site refusals are answered
 * before Quarkus REST, by {@code StaffGate} and {@code PublicGate}.)
 */
public class SecurityRefusalMappers {

  private static final Logger LOG = Logger.getLogger(SecurityRefusalMappers.class);

  private final jakarta.enterprise.event.Event<SecurityNotice> notices;
  private final ClientAddress clients;
  private final io.vertx.core.http.HttpServerRequest request;
  private final io.quarkus.security.identity.CurrentIdentityAssociation identity;

  public SecurityRefusalMappers(
      jakarta.enterprise.event.Event<SecurityNotice> notices,
      ClientAddress clients,
      io.vertx.core.http.HttpServerRequest request,
      io.quarkus.security.identity.CurrentIdentityAssociation identity) {
    this.notices = notices;
    this.clients = clients;
    this.request = request;
    this.identity = identity;
  }

  /** A refusal goes to the audit trail (asynchronously: nothing waits for it). */
  private void audit(String action, String actor, String result, String detail) {
    try {
      String target = request.method() + " " + request.path();
      notices.fireAsync(new SecurityNotice(actor, clients.of(request), action, target, result, detail));
    } catch (RuntimeException e) {
      LOG.errorf(e, "AUDIT EVENT LOST: %s %s %s", action, actor, result);
    }
  }

  /** The user name a Basic header tries, if any (never the password). */
  private String basicUser() {
    String h = request.getHeader("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(java.util.Base64.getDecoder().decode(h.substring(6).trim()), java.nio.charset.StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, Math.min(colon, 64));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Restriction restriction() {
    try {
      var id = identity.getIdentity();
      return id == null ? null : id.getAttribute(Restriction.ATTRIBUTE);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String currentUser() {
    try {
      var id = identity.getIdentity();
      return id == null || id.isAnonymous() ? null : id.getPrincipal().getName();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
    // nobody is signed in: a refusal of nobody in particular, tallied per address (a user name in an
    // unchecked header is the caller's invention, never an actor)
    audit("DENIED", null, "DENIED", "401");
    if (isPage(uri)) {
      return toLogin();
    }
    return response(headers, 401, null, null, path(uri), null);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
    String user = basicUser();
    if (user != null) {
      // a password tried over Basic: counted against the account unless it was right but refused
      boolean refused = Refused.is(e);
      audit("LOGIN_FAILED", user, refused ? "REFUSED" : "FAILED", refused ? "basic: " + e.getMessage() : "basic");
    } else {
      // a session cookie or token that no longer counts: nobody is known, so it is tallied, not written each time
      audit("DENIED", null, "DENIED", "401 " + (isPage(uri) ? "session" : "token"));
    }
    if (isPage(uri)) {
      // the dead session cookie goes, and the reader to the login form
      return Response.seeOther(java.net.URI.create("/login"))
          .header("Set-Cookie", "duban-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
          .build();
    }
    return response(headers, 401, null, "The user name or password is wrong.", path(uri), null);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
    audit("DENIED", currentUser(), "DENIED", "403");
    Restriction restriction = restriction();
    if (restriction != null && isPage(uri)) {
      return Response.seeOther(java.net.URI.create(restriction.page())).build();
    }
    if (restriction != null) {
      return response(headers, 403, null, restriction.sentence(), path(uri), null);
    }
    if (isPage(uri)) {
      return Response.status(403)
          .type("text/html; charset=UTF-8")
          .entity("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>403</title></head><body>"
              + "<h1>无权访问此页面 · You may not open this page</h1><p><a href=\"/staff\">返回 · Back</a></p></body></html>")
          .build();
    }
    return response(headers, 403, null, null, path(uri), null);
  }

  /** Staff pages send an anonymous reader to the login form instead of a Basic challenge. */
  private static boolean isPage(UriInfo uri) {
    String p = uri == null ? "" : uri.getPath();
    return p.equals("/staff") || p.startsWith("/staff/") || p.equals("/logout");
  }

  private static Response toLogin() {
    return Response.seeOther(java.net.URI.create("/login")).build();
  }
}

package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.duban.identity.CurrentActor;
import org.duban.identity.IdentityService;
import org.duban.identity.Sessions;
import org.duban.identity.SignIn;
import org.duban.platform.ClientAddress;

/**
 * The login form and logout. The form posts to /j_security_check (user name, password and, for an
 * account with a second factor, the authenticator's code); a right answer makes a page session
 * (an HttpOnly, SameSite=Strict cookie naming a session kept on the server). Logout ends every
 * session of the account, on every replica.
 */
@Path("/")
@PermitAll
public class LoginPage {

  private final Template login;
  private final CsrfTokens csrf;
  private final IdentityService identityService;
  private final CurrentActor actor;
  private final SignIn signIn;
  private final ClientAddress clients;
  private final io.vertx.core.http.HttpServerRequest request;

  public LoginPage(
      @Location("login.html") Template login,
      CsrfTokens csrf,
      CurrentActor actor,
      IdentityService identityService,
      SignIn signIn,
      ClientAddress clients,
      io.vertx.core.http.HttpServerRequest request) {
    this.identityService = identityService;
    this.csrf = csrf;
    this.actor = actor;
    this.login = login;
    this.signIn = signIn;
    this.clients = clients;
    this.request = request;
  }

  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  public Response login(
      @QueryParam("error") String error,
      @QueryParam("out") String out,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    String html = login.instance()
        .data("error", error != null && !"throttled".equals(error))
        .data("throttled", "throttled".equals(error))
        .data("out", out != null)
        .data("lang", l.code())
        .data("switchLink", uri.getRequestUriBuilder().replaceQueryParam("lang", l.other()).build().toString())
        .setLocale(l.locale())
        .render();
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .cookie(l.cookie())
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The login form's target (the name Quarkus' form authentication used; clients keep it). */
  @POST
  @Path("j_security_check")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@FormParam("j_username") String username, @FormParam("j_password") String password,
      @FormParam("code") String code) {
    SignIn.Outcome outcome = signIn.signIn(username, password, code, clients.of(request));
    if (!outcome.ok()) {
      return Response.status(302).location(URI.create("/login?error=1")).header("Cache-Control", "no-store").build();
    }
    return Response.status(302).location(URI.create(outcome.landing()))
        .cookie(sessionCookie(outcome.cookie()))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Ends the session, and every other session of the account: the cookie is removed from the browser. */
  @POST
  @Path("logout")
  public Response logout(@FormParam("csrf") String token) {
    if (actor.session() != null) {
      csrf.require(token);
      identityService.signedOut(actor.get());
    }
    return Response.seeOther(URI.create("/login?out=1")).cookie(gone()).build();
  }

  static NewCookie sessionCookie(String value) {
    return new NewCookie.Builder(Sessions.COOKIE).value(value).path("/").httpOnly(true)
        .sameSite(NewCookie.SameSite.STRICT).build();
  }

  static NewCookie gone() {
    return new NewCookie.Builder(Sessions.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
        .sameSite(NewCookie.SameSite.STRICT).build();
  }
}

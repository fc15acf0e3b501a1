package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login form (posting to Quarkus' form authentication at /j_security_check) and logout, which
 * removes the session cookie.
 */
@Path("/")
@PermitAll
public class LoginPage {

  private final Template login;
  private final String cookieName;
  private final CsrfTokens csrf;
  private final org.duban.identity.IdentityService identityService;
  private final io.quarkus.security.identity.SecurityIdentity identity;

  public LoginPage(
      @Location("login.html") Template login,
      @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookieName,
      CsrfTokens csrf,
      io.quarkus.security.identity.SecurityIdentity identity,
      org.duban.identity.IdentityService identityService) {
    this.identityService = identityService;
    this.csrf = csrf;
    this.identity = identity;
    this.login = login;
    this.cookieName = cookieName;
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
        .data("error", error != null)
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

  /** Ends the session: the encrypted session cookie is removed from the browser. */
  @POST
  @Path("logout")
  public Response logout(@jakarta.ws.rs.FormParam("csrf") String token) {
    if (!identity.isAnonymous()) {
      csrf.require(identity.getPrincipal().getName(), token);
      identityService.signedOut(identity.getPrincipal().getName());
    }
    NewCookie gone = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true).build();
    return Response.seeOther(URI.create("/login?out=1")).cookie(gone).build();
  }
}

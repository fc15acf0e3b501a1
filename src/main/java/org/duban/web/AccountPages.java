package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.duban.identity.ApiTokens;
import org.duban.identity.CurrentActor;
import org.duban.identity.SecondFactor;
import org.duban.identity.dto.CreatedToken;
import org.duban.identity.dto.TotpEnrolment;
import org.duban.platform.ProblemException;
import org.duban.platform.Restriction;

/**
 * The user's own account page, for every role: the second factor (enrol an authenticator app with
 * its QR code, then confirm a code) and personal API tokens (create, shown once; revoke). The
 * administrators land here at first sign-in to enrol; the enrolment part is open to a sign-in that
 * still lacks its second factor, the tokens only to a full one.
 */
@Path("/staff/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPages {

  private final Template account;
  private final CurrentActor actor;
  private final SecondFactor secondFactor;
  private final ApiTokens tokens;
  private final CsrfTokens csrf;
  private final org.duban.identity.Sessions sessions;
  private final org.duban.identity.SignIn signIn;
  private final StaffView view;

  public AccountPages(@Location("staff/account.html") Template account, CurrentActor actor, SecondFactor secondFactor,
      ApiTokens tokens, CsrfTokens csrf, org.duban.identity.Sessions sessions, org.duban.identity.SignIn signIn,
      StaffView view) {
    this.view = view;
    this.sessions = sessions;
    this.signIn = signIn;
    this.account = account;
    this.actor = actor;
    this.secondFactor = secondFactor;
    this.tokens = tokens;
    this.csrf = csrf;
  }

  @GET
  public Response show(@QueryParam("done") String done, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    if (actor.restriction() == Restriction.PASSWORD_CHANGE) {
      return Response.seeOther(URI.create(Restriction.PASSWORD_CHANGE.page())).build();
    }
    return render(base(done, null, null, null), Lang.of(lang, headers), uri, 200);
  }

  @POST
  @Path("totp")
  public Response begin(@FormParam("csrf") String token, @FormParam("currentCode") String currentCode,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    csrf.require(token);
    if (actor.restriction() == Restriction.PASSWORD_CHANGE) {
      return Response.seeOther(URI.create(Restriction.PASSWORD_CHANGE.page())).build();
    }
    if (actor.restriction() == Restriction.SECOND_FACTOR) {
      // a password alone never replaces an enrolled second factor
      throw ProblemException.forbidden(Restriction.SECOND_FACTOR.sentence());
    }
    if (actor.account() != null && actor.account().totpEnrolled()
        && (currentCode == null || !secondFactor.check(actor.get().username(), currentCode))) {
      // replacing the app takes a code of the app: a stolen session alone cannot rebind it
      signIn.codeFailed(actor.get().username(), actor.get().clientIp(), "POST /staff/account/totp");
      return render(base(null, "当前验证码不正确 · the current code is not right", null, null), Lang.of(null, headers), uri, 400);
    }
    TotpEnrolment e = secondFactor.begin(actor.get());
    return render(base(null, null, e, null), Lang.of(null, headers), uri, 200);
  }

  @POST
  @Path("totp/confirm")
  public Response confirm(@FormParam("csrf") String token, @FormParam("code") String code, @Context HttpHeaders headers, @Context UriInfo uri) {
    csrf.require(token);
    if (actor.restriction() == Restriction.SECOND_FACTOR || actor.restriction() == Restriction.PASSWORD_CHANGE) {
      throw ProblemException.forbidden(actor.restriction().sentence());
    }
    try {
      secondFactor.confirm(actor.get(), code);
    } catch (ProblemException e) {
      return render(base(null, StaffView.describe(e, Lang.of(null, headers)), null, null), Lang.of(null, headers), uri, e.status());
    }
    // every session of the account has ended: this browser, which just gave the code, gets a new one
    String cookie = sessions.create(actor.get().username(), true, actor.get().clientIp());
    return Response.seeOther(URI.create("/staff/account?done=totp")).cookie(LoginPage.sessionCookie(cookie)).build();
  }

  @POST
  @Path("tokens")
  public Response create(@FormParam("csrf") String token, @FormParam("name") String name, @FormParam("expiresAt") String expiresAt,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    csrf.require(token);
    try {
      actor.requireUnrestricted();
      if (name == null || name.isBlank() || name.strip().length() > 100) {
        throw ProblemException.invalid("name", "must be 1 to 100 characters");
      }
      CreatedToken created = tokens.create(actor.get(), name, expiresAt, actor.twoFactor());
      return render(base(null, null, null, created), Lang.of(null, headers), uri, 201);
    } catch (ProblemException e) {
      return render(base(null, StaffView.describe(e, Lang.of(null, headers)), null, null), Lang.of(null, headers), uri, e.status());
    }
  }

  @POST
  @Path("tokens/{id}/revoke")
  public Response revoke(@FormParam("csrf") String token, @PathParam("id") long id) {
    csrf.require(token);
    actor.requireUnrestricted();
    tokens.revoke(actor.get(), id);
    return Response.seeOther(URI.create("/staff/account?done=revoked")).build();
  }

  private TemplateInstance base(String done, String error, TotpEnrolment enrolment, CreatedToken created) {
    Restriction r = actor.restriction();
    boolean full = r == null;
    return account.instance()
        .data("done", done)
        .data("error", error)
        .data("restriction", r == null ? null : r.name())
        .data("enrolled", actor.account() != null && actor.account().totpEnrolled())
        .data("required", actor.account() != null && actor.account().administrator())
        .data("enrolment", enrolment)
        .data("qr", enrolment == null ? null : QrSvg.of(enrolment.otpauthUri(), "TOTP"))
        .data("created", created)
        .data("tokens", full ? tokens.list(actor.get().username()) : java.util.List.of())
        .data("full", full);
  }

  private Response render(TemplateInstance instance, Lang l, UriInfo uri, int status) {
    return view.render(instance, l, uri, "account", status);
  }
}

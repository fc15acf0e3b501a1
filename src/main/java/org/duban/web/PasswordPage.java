package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.duban.identity.CurrentActor;
import org.duban.identity.IdentityService;
import org.duban.identity.Sessions;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.Restriction;
import org.duban.platform.Role;

/** Where a signed-in person lands (by role), and the page to change one's password. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class PasswordPage {

  private final Template password;
  private final CurrentActor actor;
  private final IdentityService identity;
  private final Sessions sessions;
  private final StaffView view;

  public PasswordPage(
      @Location("staff/password.html") Template password, CurrentActor actor, IdentityService identity, Sessions sessions, StaffView view) {
    this.password = password;
    this.actor = actor;
    this.identity = identity;
    this.sessions = sessions;
    this.view = view;
  }

  /** The landing page after sign-in: what the role does first. */
  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_, Role.SECURITY_, Role.AUDITOR_})
  public Response home() {
    Actor a = actor.get();
    String to = a.is(Role.LEADER_) || a.is(Role.OFFICE_) ? "/staff/dashboard"
        : a.is(Role.SECURITY_) || a.is(Role.AUDITOR_) ? "/staff/account" : "/staff/measures";
    return Response.seeOther(URI.create(to)).build();
  }

  @GET
  @Path("password")
  @Authenticated
  public Response passwordForm(@QueryParam("done") String done, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    return view.render(password.instance().data("required", mustChange()).data("error", null).data("done", done != null),
        Lang.of(lang, headers), uri, "password");
  }

  @POST
  @Path("password")
  @Authenticated
  public Response changePassword(@FormParam("csrf") String token, @FormParam("currentPassword") String current,
      @FormParam("newPassword") String next, @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    String cookie;
    try {
      identity.changePassword(current, next, actor.get());
      // every session made before the change has ended, this one too: this browser gets a new one
      cookie = sessions.create(actor.get().username(), actor.twoFactor(), actor.get().clientIp());
    } catch (ProblemException e) {
      return view.render(password.instance().data("required", mustChange()).data("error", StaffView.describe(e, Lang.of(null, headers))).data("done", false),
          Lang.of(null, headers), uri, "password", e.status());
    }
    return Response.seeOther(URI.create("/staff/password?done=1")).cookie(LoginPage.sessionCookie(cookie)).build();
  }

  private boolean mustChange() {
    return actor.restriction() == Restriction.PASSWORD_CHANGE;
  }
}

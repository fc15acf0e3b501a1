package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import org.duban.identity.AccountImport;
import org.duban.identity.CurrentActor;
import org.duban.identity.IdentityService;
import org.duban.identity.UnitService;
import org.duban.identity.dto.CreateUserRequest;
import org.duban.identity.dto.UserView;
import org.duban.platform.Page;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The accounts an administrator keeps (ADMIN: the business accounts; SECURITY: the privileged ones,
 * and every account but its own kind to lock and unlock), as /api/v1/users allows each: list,
 * create, reset a password, lock, unlock, clear a second factor. Each form calls the API's service
 * method, which checks the same rules again; success is a 303 back to the list, a refusal the list
 * with the reason and the refusal's status.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_, Role.SECURITY_})
public class UserPages {

  private final Template page;
  private final IdentityService identities;
  private final UnitService units;
  private final org.duban.identity.RegionService regions;
  private final AccountImport imports;
  private final CurrentActor actor;
  private final StaffView view;

  public UserPages(@Location("staff/users.html") Template page, IdentityService identities, UnitService units,
      org.duban.identity.RegionService regions, AccountImport imports, CurrentActor actor, StaffView view) {
    this.regions = regions;
    this.imports = imports;
    this.page = page;
    this.identities = identities;
    this.units = units;
    this.actor = actor;
    this.view = view;
  }

  /** An account and the forms this administrator may use on it. */
  public record UserRow(UserView user, boolean reset, boolean clearTotp, boolean lock, boolean unlock) {}

  static final List<String> DONE = List.of("created", "reset", "locked", "unlocked", "totpCleared", "imported");

  @GET
  @Path("users")
  public Response list(@QueryParam("page") String pageParam, @QueryParam("done") String done, @QueryParam("lang") String lang,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return render(Lang.of(lang, headers), uri, pageParam, done != null && DONE.contains(done) ? done : null, null, 200);
  }

  @POST
  @Path("users")
  public Response create(@FormParam("csrf") String token, @FormParam("username") String username, @FormParam("password") String password,
      @FormParam("role") String role, @FormParam("unit") String unit, @FormParam("region") String region, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return act(token, headers, uri, "created", () -> {
      Role r = Params.enumOf(Role.class, "role", role);
      if (r == null) {
        throw ProblemException.invalid("role", "choose a role");
      }
      identities.createUser(view.valid(new CreateUserRequest(username == null ? null : username.strip(), password == null ? "" : password, r,
          unit == null || unit.isBlank() ? null : unit.strip(), region == null || region.isBlank() ? null : region.strip())), actor.get());
    });
  }

  @POST
  @Path("users/{username}/password")
  public Response reset(@FormParam("csrf") String token, @PathParam("username") String username, @FormParam("newPassword") String password,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(token, headers, uri, "reset", () -> identities.resetPassword(username, password == null ? "" : password, actor.get()));
  }

  @POST
  @Path("users/{username}/lock")
  @RolesAllowed(Role.SECURITY_)
  public Response lock(@FormParam("csrf") String token, @PathParam("username") String username, @FormParam("reason") String reason,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    return act(token, headers, uri, "locked", () -> {
      if (reason == null || reason.isBlank()) {
        throw ProblemException.invalid("reason", "must not be blank");
      }
      identities.lock(username, Params.textOf("reason", reason.strip(), 500), actor.get());
    });
  }

  @POST
  @Path("users/{username}/unlock")
  @RolesAllowed(Role.SECURITY_)
  public Response unlock(@FormParam("csrf") String token, @PathParam("username") String username, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return act(token, headers, uri, "unlocked", () -> identities.unlock(username, actor.get()));
  }

  @POST
  @Path("users/{username}/totp/clear")
  public Response clearTotp(@FormParam("csrf") String token, @PathParam("username") String username, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return act(token, headers, uri, "totpCleared", () -> identities.clearSecondFactor(username, actor.get()));
  }

  /** The import form: the CSV pasted into a text area, a dry run first if ticked. */
  @POST
  @Path("users/import")
  public Response importCsv(@FormParam("csrf") String token, @FormParam("csv") String csv, @FormParam("dryRun") String dryRun,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    Lang l = Lang.of(null, headers);
    boolean dry = dryRun != null && !dryRun.isBlank();
    try {
      AccountImport.ImportResult r = imports.importUsers(csv == null ? new byte[0] : csv.getBytes(StandardCharsets.UTF_8), dry, actor.get());
      if (dry) {
        return render(l, uri, null, null, null, 200, r.rows(), csv);
      }
    } catch (ProblemException e) {
      return render(l, uri, null, null, ImportErrors.describe(e, l), e.status(), null, csv);
    }
    return Response.seeOther(URI.create("/staff/users?done=imported")).build();
  }

  private Response act(String token, HttpHeaders headers, UriInfo uri, String done, Runnable action) {
    view.requireToken(token);
    try {
      action.run();
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw e;
      }
      return render(Lang.of(null, headers), uri, null, null, StaffView.describe(e, Lang.of(null, headers)), e.status());
    }
    return Response.seeOther(URI.create("/staff/users?done=" + done)).build();
  }

  /** The kinds of account this administrator sees: those it keeps, and for SECURITY those it may lock. */
  static Set<Role> listed(Role me) {
    Set<Role> kinds = EnumSet.noneOf(Role.class);
    for (Role r : Role.values()) {
      if (me.administers().contains(r) || me.locks(r)) {
        kinds.add(r);
      }
    }
    return kinds;
  }

  private Response render(Lang l, UriInfo uri, String pageParam, String done, String error, int status) {
    return render(l, uri, pageParam, done, error, status, null, "");
  }

  private Response render(Lang l, UriInfo uri, String pageParam, String done, String error, int status, Integer dryRows, String csv) {
    Role me = Role.valueOf(actor.get().role());
    String q = uri == null ? null : Params.textOf("q", blankToNull(uri.getQueryParameters().getFirst("q")), 64);
    Page<UserView> found = identities.users(listed(me), q, new ListForm(null, null, null, null, null, pageParam).pageRequest());
    List<UserRow> rows = found.items().stream().map(u -> {
      Role target = Role.valueOf(u.role());
      boolean keeps = me.administers().contains(target);
      boolean locks = me.locks(target);
      return new UserRow(u, keeps, keeps && u.secondFactor(), locks && !u.locked(), locks && (u.locked() || u.lockedOutUntil() != null));
    }).toList();
    return view.render(Paging.of(page.instance(), found)
            .data("found", found)
            .data("rows", rows)
            .data("roles", me.administers().stream().sorted().toList())
            .data("units", units.units())
            .data("regions", me == Role.SECURITY ? List.of() : RegionChoices.of(regions.tree()))
            .data("security", me == Role.SECURITY)
            .data("done", done)
            .data("error", error)
            .data("dryRows", dryRows)
            .data("csv", csv)
            .data("q", q == null ? "" : q)
            .data("qParam", q == null ? "" : "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)),
        l, uri, "users", status);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

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
import java.nio.charset.StandardCharsets;
import org.duban.identity.AccountImport;
import org.duban.identity.CurrentActor;
import org.duban.identity.RegionService;
import org.duban.identity.UnitService;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.identity.dto.UpdateUnitRequest;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The units (ADMIN, as /api/v1/units): the list, a new unit, a unit's name, contact address,
 * region and parent unit (its line, 条).
 * Each form calls the API's service method; success answers 303 back to the list with a notice, a
 * refusal re-renders the list with the reason and the refusal's status.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_)
public class UnitPages {

  private final Template page;
  private final UnitService units;
  private final RegionService regions;
  private final AccountImport imports;
  private final CurrentActor actor;
  private final StaffView view;

  public UnitPages(@Location("staff/units.html") Template page, UnitService units, RegionService regions, AccountImport imports, CurrentActor actor,
      StaffView view) {
    this.regions = regions;
    this.imports = imports;
    this.page = page;
    this.units = units;
    this.actor = actor;
    this.view = view;
  }

  @GET
  @Path("units")
  public Response list(@QueryParam("done") String done, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    return render(Lang.of(lang, headers), uri, done, null, 200);
  }

  @POST
  @Path("units")
  public Response create(@FormParam("csrf") String token, @FormParam("code") String code, @FormParam("name") String name,
      @FormParam("email") String email, @FormParam("region") String region, @FormParam("parent") String parent, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return act(token, headers, uri, "created", () -> units.createUnit(
        view.valid(new CreateUnitRequest(strip(code), strip(name), blankToNull(email), blankToNull(region), blankToNull(parent))), actor.get()));
  }

  @POST
  @Path("units/{code}")
  public Response update(@FormParam("csrf") String token, @PathParam("code") String code, @FormParam("name") String name,
      @FormParam("email") String email, @FormParam("region") String region, @FormParam("parent") String parent, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    // a form without the region or parent field leaves it; an empty parent removes it
    return act(token, headers, uri, "updated", () -> units.updateUnit(code, view.valid(new UpdateUnitRequest(name == null ? null : name.strip(),
        email == null ? "" : email.strip(), blankToNull(region), parent == null ? null : parent.strip())), actor.get()));
  }

  /** The import form: the CSV pasted into a text area, a dry run first if ticked. */
  @POST
  @Path("units/import")
  public Response importCsv(@FormParam("csrf") String token, @FormParam("csv") String csv, @FormParam("dryRun") String dryRun,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    Lang l = Lang.of(null, headers);
    boolean dry = dryRun != null && !dryRun.isBlank();
    try {
      AccountImport.ImportResult r = imports.importUnits(csv == null ? new byte[0] : csv.getBytes(StandardCharsets.UTF_8), dry, actor.get());
      if (dry) {
        return renderDry(l, uri, r.rows(), csv);
      }
    } catch (ProblemException e) {
      return view.render(withChoices(page.instance()).data("done", null).data("error", ImportErrors.describe(e, l))
          .data("dryRows", null).data("csv", csv), l, uri, "units", e.status());
    }
    return Response.seeOther(URI.create("/staff/units?done=imported")).build();
  }

  private Response renderDry(Lang l, UriInfo uri, int rows, String csv) {
    return view.render(withChoices(page.instance()).data("done", null).data("error", null).data("dryRows", rows).data("csv", csv),
        l, uri, "units", 200);
  }

  private Response act(String token, HttpHeaders headers, UriInfo uri, String done, Runnable action) {
    view.requireToken(token);
    try {
      action.run();
    } catch (ProblemException e) {
      return render(Lang.of(null, headers), uri, null, StaffView.describe(e, Lang.of(null, headers)), e.status());
    }
    return Response.seeOther(URI.create("/staff/units?done=" + done)).build();
  }

  private Response render(Lang l, UriInfo uri, String done, String error, int status) {
    return view.render(withChoices(page.instance())
            .data("done", "created".equals(done) || "updated".equals(done) || "imported".equals(done) ? done : null)
            .data("error", error)
            .data("dryRows", null)
            .data("csv", ""),
        l, uri, "units", status);
  }

  /** The units, and the regions and units a form may choose. */
  private io.quarkus.qute.TemplateInstance withChoices(io.quarkus.qute.TemplateInstance t) {
    return t.data("units", units.units()).data("regions", RegionChoices.of(regions.tree()));
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

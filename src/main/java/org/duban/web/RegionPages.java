package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import java.nio.charset.StandardCharsets;
import org.duban.identity.CurrentActor;
import org.duban.identity.RegionImport;
import org.duban.identity.RegionService;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The region tree (ADMIN, who imports it through /api/v1/regions/import): each region with its
 * level, parent and units, and the pasted-CSV import with a dry run first. Success is a 303 back to
 * the tree with what changed; a refusal the page with each bad row and the refusal's status.
 */
@Path("/staff/regions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_)
public class RegionPages {

  private final Template page;
  private final RegionService regions;
  private final RegionImport imports;
  private final CurrentActor actor;
  private final StaffView view;

  public RegionPages(@Location("staff/regions.html") Template page, RegionService regions, RegionImport imports, CurrentActor actor, StaffView view) {
    this.page = page;
    this.regions = regions;
    this.imports = imports;
    this.actor = actor;
    this.view = view;
  }

  @GET
  public Response list(@QueryParam("created") String created, @QueryParam("updated") String updated, @QueryParam("unchanged") String unchanged,
      @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    RegionImport.Result done = created == null ? null : new RegionImport.Result(0, count(created), count(updated), count(unchanged), false);
    return render(Lang.of(lang, headers), uri, done, null, null, "", 200);
  }

  /** The import form: the CSV pasted into a text area, a dry run first if ticked. */
  @POST
  @Path("import")
  public Response importCsv(@FormParam("csrf") String token, @FormParam("csv") String csv, @FormParam("dryRun") String dryRun,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    view.requireToken(token);
    Lang l = Lang.of(null, headers);
    boolean dry = dryRun != null && !dryRun.isBlank();
    RegionImport.Result r;
    try {
      r = imports.importCsv(csv == null ? new byte[0] : csv.getBytes(StandardCharsets.UTF_8), dry, actor.get());
    } catch (ProblemException e) {
      return render(l, uri, null, null, ImportErrors.describe(e, l), csv, e.status());
    }
    if (dry) {
      return render(l, uri, null, r, null, csv, 200);
    }
    return Response.seeOther(URI.create("/staff/regions?created=" + r.created() + "&updated=" + r.updated() + "&unchanged=" + r.unchanged())).build();
  }

  private Response render(Lang l, UriInfo uri, RegionImport.Result done, RegionImport.Result dry, String error, String csv, int status) {
    return view.render(page.instance()
            .data("rows", RegionChoices.of(regions.tree(), regions.unitCounts()))
            .data("done", done)
            .data("dry", dry)
            .data("error", error)
            .data("csv", csv),
        l, uri, "regions", status);
  }

  private static int count(String n) {
    try {
      return n == null ? 0 : Math.max(0, Integer.parseInt(n));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

package org.duban.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.duban.identity.dto.RegionNode;
import org.duban.identity.dto.RegionView;
import org.duban.platform.Params;
import org.duban.platform.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The region tree (every staff account reads it; the system administrator imports it). */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_, Role.SECURITY_, Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.AUDITOR_})
@Tag(name = "Regions", description = "the administrative regions by GB/T 2260 code: the province, its cities and counties")
public class RegionResource {

  private final RegionService service;
  private final RegionImport imports;
  private final CurrentActor actor;

  public RegionResource(RegionService service, RegionImport imports, CurrentActor actor) {
    this.service = service;
    this.imports = imports;
    this.actor = actor;
  }

  @GET
  @Operation(summary = "The region tree: the top regions (the province), each with its children, nested")
  @APIResponse(responseCode = "200", description = "the tree")
  public List<RegionNode> tree() {
    return service.tree();
  }

  @GET
  @Path("{code}")
  @Operation(summary = "One region with the regions below it and the codes of those above it")
  @APIResponse(responseCode = "200", description = "the region")
  @APIResponse(responseCode = "404", description = "no such region")
  public RegionView get(@PathParam("code") @Parameter(example = "370100") String code) {
    return service.region(code);
  }

  @POST
  @Path("import")
  @Consumes("text/csv")
  @RolesAllowed(Role.ADMIN_)
  @Operation(summary = "Import regions from CSV (headings: code, name, parent; UTF-8 or GBK): a new code is created, a known one takes the file's name and parent; all rows or none; ?dryRun=true checks and writes nothing")
  @APIResponse(responseCode = "200", description = "rows, created, updated, unchanged, dryRun")
  @APIResponse(responseCode = "400", description = "a bad file or bad rows: errors name each row, column and reason; nothing is written")
  @APIResponse(responseCode = "415", description = "not text/csv")
  public RegionImport.Result importCsv(byte[] body,
      @QueryParam("dryRun") @Parameter(description = "true: check the file and count what would change, write nothing", example = "true") String dryRun) {
    return imports.importCsv(body, Boolean.TRUE.equals(Params.booleanOf("dryRun", dryRun)), actor.get());
  }
}

package org.duban.identity;

import org.duban.platform.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.identity.dto.UnitView;
import org.duban.identity.dto.UpdateUnitRequest;
import org.duban.platform.PublicBaseUrl;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_)
@Tag(name = "Administration", description = "units and accounts (ADMIN)")
public class UnitResource {

  private final UnitService service;
  private final CurrentActor actor;
  private final PublicBaseUrl links;
  private final AccountImport imports;

  public UnitResource(UnitService service, CurrentActor actor, PublicBaseUrl links, AccountImport imports) {
    this.service = service;
    this.actor = actor;
    this.links = links;
    this.imports = imports;
  }

  @GET
  @Operation(summary = "All units")
  @APIResponse(responseCode = "200", description = "the units, by code")
  public List<UnitView> list() {
    return service.units();
  }

  @GET
  @Path("{code}")
  @Operation(summary = "One unit")
  @APIResponse(responseCode = "200", description = "the unit")
  @APIResponse(responseCode = "404", description = "no such unit")
  public UnitView get(@PathParam("code") @Parameter(example = "fy") String code) {
    return service.unit(code);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a unit in a region (default 370000), perhaps under a parent unit of its line; its email receives the notices")
  @APIResponse(responseCode = "201", description = "created; Location names it", content = @Content(schema = @Schema(implementation = UnitView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields")
  @APIResponse(responseCode = "409", description = "the code is taken")
  @APIResponse(responseCode = "415", description = "not application/json")
  public Response create(@Valid @NotNull CreateUnitRequest request) {
    UnitView unit = service.createUnit(request, actor.get());
    return Response.created(links.link("api", "v1", "units", unit.code()))
        .entity(unit)
        .build();
  }

  @PATCH
  @Path("{code}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(summary = "Change a unit's name, contact address, region or parent unit (the fields given; an empty email or parent removes it)")
  @APIResponse(responseCode = "200", description = "the unit as changed")
  @APIResponse(responseCode = "400", description = "invalid fields, or none given")
  @APIResponse(responseCode = "404", description = "no such unit")
  @APIResponse(responseCode = "415", description = "not JSON")
  public UnitView update(@PathParam("code") @Parameter(example = "fy") String code, @Valid @NotNull UpdateUnitRequest request) {
    return service.updateUnit(code, request, actor.get());
  }

  @POST
  @Path("import")
  @Consumes("text/csv")
  @Operation(summary = "Import units from CSV (headings: code, name, email; optional region, parent), all rows or none; ?dryRun=true checks and writes nothing")
  @APIResponse(responseCode = "200", description = "rows, created, dryRun")
  @APIResponse(responseCode = "400", description = "a bad file or bad rows: errors name each row, column and reason; nothing is written")
  @APIResponse(responseCode = "415", description = "not text/csv")
  public AccountImport.ImportResult importCsv(byte[] body,
      @QueryParam("dryRun") @Parameter(description = "true: check the file and say what would be created, write nothing", example = "true") String dryRun) {
    return imports.importUnits(body, Boolean.TRUE.equals(org.duban.platform.Params.booleanOf("dryRun", dryRun)), actor.get());
  }
}

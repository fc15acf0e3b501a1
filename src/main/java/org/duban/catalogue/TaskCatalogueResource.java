package org.duban.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.duban.catalogue.CatalogueService.FileKind;
import org.duban.catalogue.CatalogueService.ImportResult;
import org.duban.identity.CurrentActor;
import org.duban.platform.Role;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tasks sheet (issue 14): import and export of local tasks, one task per row, headings
 * measure, region, unit, deadline, targetShares. The office of a city imports and exports its own
 * region's tasks.
 */
@Path("/api/v1/tasks")
@RolesAllowed(Role.OFFICE_)
@Tag(name = "Catalogue")
public class TaskCatalogueResource {

  private final TaskCatalogue service;
  private final CurrentActor actor;

  public TaskCatalogueResource(TaskCatalogue service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", CatalogueFiles.XLSX})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Import a tasks sheet: creates tasks by measure and region, updates their unit and shares, all rows or none")
  @RequestBody(
      description = "the file as the body: text/csv (UTF-8 with or without BOM, or GBK; a charset parameter is obeyed) or an .xlsx"
          + " workbook (first sheet). Headings: measure, region, unit, deadline, targetShares (the shares in the order of the"
          + " measure's targets, separated by |).",
      content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            example = "measure,region,unit,deadline,targetShares\r\nJ05,370100,jnzy,2021-11-30,280 | 2\r\n"),
        @Content(mediaType = CatalogueFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"), example = "(binary .xlsx)")
      })
  @APIResponse(responseCode = "200", description = "what the import did (or, with dryRun=true, would do)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class),
          example = "{\"rows\":16,\"created\":2,\"updated\":1,\"unchanged\":13,\"dryRun\":false}"))
  @APIResponse(responseCode = "400", description = "a bad file: each bad row, column and reason is listed (a region outside the"
      + " office's, a unit of another region, a different deadline for an existing task ...); nothing was written",
      content = @Content(mediaType = "application/problem+json", example =
          "{\"type\":\"about:blank\",\"title\":\"Invalid catalogue file\",\"status\":400,\"detail\":\"1 problem(s) in the file; nothing was imported. "
              + "Correct the rows listed and import the whole file again.\",\"instance\":\"/api/v1/tasks/import\",\"errors\":["
              + "{\"field\":\"region\",\"message\":\"region 370200 is outside your region 370100\",\"row\":3,\"column\":\"region\"}]}"))
  @APIResponse(responseCode = "413", description = "the file is larger than the HTTP limit (10 MiB by default)")
  @APIResponse(responseCode = "415", description = "neither text/csv nor .xlsx")
  public ImportResult importFile(
      byte[] body,
      @Context HttpHeaders headers,
      @QueryParam("dryRun") @Parameter(description = "true: check the file and say what would change, write nothing", example = "true")
          String dryRun) {
    MediaType type = headers.getMediaType();
    boolean xlsx = type != null && CatalogueFiles.XLSX.equalsIgnoreCase(type.getType() + "/" + type.getSubtype());
    Charset charset = null;
    String declared = type == null ? null : type.getParameters().get("charset");
    if (declared != null) {
      try {
        charset = Charset.forName(declared);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw ProblemException.invalid("Content-Type", "charset " + declared + " is not known");
      }
    }
    return service.importFile(
        body, xlsx ? FileKind.XLSX : FileKind.CSV, charset, Boolean.TRUE.equals(Params.booleanOf("dryRun", dryRun)), actor.get());
  }

  @GET
  @Path("export.csv")
  @Produces("text/csv")
  @Operation(summary = "The tasks of the office's region as CSV (UTF-8 with BOM) in the import format")
  @APIResponse(responseCode = "200", description = "the tasks", content = @Content(mediaType = "text/csv",
      schema = @Schema(type = SchemaType.STRING),
      example = "\ufeffmeasure,region,unit,deadline,targetShares\r\nJ05,370100,jnzy,2021-11-30,280 | 2\r\n"))
  public Response exportCsv() {
    var who = actor.get();
    StreamingOutput body = out -> service.exportCsv(out, who);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"tasks.csv\"")
        .build();
  }

  @GET
  @Path("export.xlsx")
  @Produces(CatalogueFiles.XLSX)
  @Operation(summary = "The tasks of the office's region as an Excel workbook in the import format")
  @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = CatalogueFiles.XLSX,
      schema = @Schema(type = SchemaType.STRING, format = "binary"), example = "(binary .xlsx)"))
  public Response exportXlsx() {
    var who = actor.get();
    StreamingOutput body = out -> service.exportXlsx(out, who);
    return Response.ok(body, CatalogueFiles.XLSX)
        .header("Content-Disposition", "attachment; filename=\"tasks.xlsx\"")
        .build();
  }
}

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

/** Catalogue import and export (CSV or XLSX, one measure per row). */
@Path("/api/v1/measures")
@RolesAllowed(Role.OFFICE_)
@Tag(name = "Catalogue", description = "import and export of the catalogue of measures")
public class CatalogueResource {

  private final CatalogueService service;
  private final CurrentActor actor;

  public CatalogueResource(CatalogueService service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", CatalogueFiles.XLSX})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Import a catalogue file: creates and updates measures by code, all rows or none")
  @RequestBody(
      description = "the file as the body: text/csv (UTF-8 with or without BOM, or GBK as Chinese Excel saves it; "
          + "a charset parameter is obeyed) or an .xlsx workbook (first sheet). The headings are those of export.csv.",
      content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            example = "编号,领域,事项,内容摘要,原文摘录,牵头单位,牵头单位系推定,配合单位,启动日期,承诺时限,节点,量化指标,假设说明,备注\r\n"
                + "B03,BUSINESS,推行证明事项告知承诺制,,,sft,否,,2021-05-14,2021-12-31,,,,\r\n"),
        @Content(mediaType = CatalogueFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"), example = "(binary .xlsx)")
      })
  @APIResponse(responseCode = "200", description = "what the import did (or, with dryRun=true, would do)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class),
          example = "{\"rows\":18,\"created\":2,\"updated\":1,\"unchanged\":15,\"dryRun\":false}"))
  @APIResponse(responseCode = "400", description = "a bad file: each bad row, column and reason is listed; or a workbook beyond the"
      + " import's caps (10,000 rows, columns A-Z, 32,767 characters a cell, unpacked size: a zip bomb); nothing was written",
      content = @Content(mediaType = "application/problem+json", example =
          "{\"type\":\"about:blank\",\"title\":\"Invalid catalogue file\",\"status\":400,\"detail\":\"2 problem(s) in the file; nothing was imported. "
              + "Correct the rows listed and import the whole file again.\",\"instance\":\"/api/v1/measures/import\",\"errors\":["
              + "{\"field\":\"deadline\",\"message\":\"'6/30/2021' is ambiguous: write the year first, with four digits, such as"
              + " 2021-12-31, 2021/6/30 or 2021年6月30日\",\"row\":3,\"column\":\"承诺时限\"},"
              + "{\"field\":\"leadUnit\",\"message\":\"no unit has the code or the name '省高院'\",\"row\":5,\"column\":\"牵头单位\"}]}"))
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
  @Operation(summary = "The catalogue as CSV (UTF-8 with BOM) in the import format")
  @APIResponse(responseCode = "200", description = "the catalogue", content = @Content(mediaType = "text/csv",
      schema = @Schema(type = SchemaType.STRING),
      example = "\ufeff编号,领域,事项,内容摘要,原文摘录,牵头单位,牵头单位系推定,配合单位,启动日期,承诺时限,节点,量化指标,假设说明,备注\r\n"
          + "B02,BUSINESS,提高诉讼网上立案效率,...,fy,否,,2021-05-14,2021-12-31,,网上立案申请平均审核时间 | 3 | 天以内,,\r\n"))
  public Response exportCsv() {
    StreamingOutput body = service::exportCsv;
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"catalogue.csv\"")
        .build();
  }

  @GET
  @Path("export.xlsx")
  @Produces(CatalogueFiles.XLSX)
  @Operation(summary = "The catalogue as an Excel workbook in the import format")
  @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = CatalogueFiles.XLSX,
      schema = @Schema(type = SchemaType.STRING, format = "binary"), example = "(binary .xlsx)"))
  public Response exportXlsx() {
    StreamingOutput body = service::exportXlsx;
    return Response.ok(body, CatalogueFiles.XLSX)
        .header("Content-Disposition", "attachment; filename=\"catalogue.xlsx\"")
        .build();
  }
}

package org.duban.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.identity.CurrentActor;
import org.duban.platform.Role;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.PublicBaseUrl;
import org.duban.reporting.dto.ReportView;
import org.duban.reporting.dto.SubmitReportRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Progress reports on one rectification item (by its number): its responsible unit submits them here. */
@Path("/api/v1/rectifications/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "progress reports and their review")
public class RectificationReportsResource {

  private final ReportService service;
  private final CurrentActor actor;
  private final PublicBaseUrl links;

  public RectificationReportsResource(ReportService service, CurrentActor actor, PublicBaseUrl links) {
    this.service = service;
    this.actor = actor;
    this.links = links;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.REPORTER_, Role.OFFICE_})
  @Operation(summary = "Submit a progress report on a rectification item (a reporter of its responsible unit, or an office whose region contains it)")
  @APIResponse(responseCode = "201", description = "the report, PENDING until the office reviews it", content = @Content(schema = @Schema(implementation = ReportView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields (progress 0 to 100, a public summary, http(s) links)")
  @APIResponse(responseCode = "404", description = "no such rectification item, or not one the caller may see")
  @APIResponse(responseCode = "409", description = "the item is verified")
  @APIResponse(responseCode = "413", description = "the body is over 64 KiB")
  @APIResponse(responseCode = "415", description = "not application/json")
  public Response submit(
      @PathParam("id") @Parameter(example = "1") String id,
      @Valid @NotNull SubmitReportRequest request) {
    String code = code(id);
    ReportView report = service.submit(code, request, actor.get());
    return Response.created(links.link("api", "v1", "reports", String.valueOf(report.id())))
        .entity(report)
        .build();
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "The reports on a rectification item, newest first")
  @APIResponse(responseCode = "200", description = "a page of reports")
  @APIResponse(responseCode = "400", description = "a parameter is invalid")
  @APIResponse(responseCode = "404", description = "no such rectification item, or not one the caller may see")
  public Page<ReportView> list(
      @PathParam("id") @Parameter(example = "1") String id,
      @QueryParam("state") @Parameter(description = "PENDING, ACCEPTED or RETURNED", example = "PENDING") String state,
      @BeanParam PageRequest page) {
    String code = code(id);
    return service.list(
        code, null, Params.enumOf(ProgressReport.State.class, "state", state), page.validated(), actor.get());
  }

  /** The item's code from its number in the path (anything else is no item: 404). */
  static String code(String id) {
    try {
      long n = Long.parseLong(id);
      if (n > 0) {
        return org.duban.measure.ItemKind.rectificationCode(n);
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw org.duban.platform.ProblemException.notFound("There is no rectification item " + id + ".");
  }
}

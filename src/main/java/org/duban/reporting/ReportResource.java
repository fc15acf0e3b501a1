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
import org.duban.identity.CurrentActor;
import org.duban.platform.Role;
import org.duban.measure.dto.ReasonRequest;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.reporting.dto.ReportView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The office's review of progress reports. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "progress reports and their review")
public class ReportResource {

  private final ReportService service;
  private final CurrentActor actor;

  public ReportResource(ReportService service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "Reports across measures (the office's review queue with state=PENDING)")
  @APIResponse(responseCode = "200", description = "a page of reports, newest first")
  @APIResponse(responseCode = "400", description = "a parameter is invalid")
  public Page<ReportView> list(
      @QueryParam("state") @Parameter(description = "PENDING, ACCEPTED or RETURNED", example = "PENDING") String state,
      @QueryParam("unit") @Parameter(description = "unit code", example = "fy") String unit,
      @BeanParam PageRequest page) {
    return service.list(
        null,
        Params.textOf("unit", unit, 32),
        Params.enumOf(ProgressReport.State.class, "state", state),
        page.validated(),
        actor.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "One report")
  @APIResponse(responseCode = "200", description = "the report")
  @APIResponse(responseCode = "404", description = "no such report, or not one of the reporter's unit")
  public ReportView get(@PathParam("id") @Parameter(example = "42") long id) {
    return service.get(id, actor.get());
  }

  @POST
  @Path("{id}/accept")
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Accept a report: the measure's progress and public timeline move")
  @APIResponse(responseCode = "200", description = "the report, ACCEPTED")
  @APIResponse(responseCode = "404", description = "no such report")
  @APIResponse(responseCode = "409", description = "the report was reviewed already, or the measure is closed")
  public ReportView accept(@PathParam("id") @Parameter(example = "42") long id) {
    return service.accept(id, actor.get());
  }

  @POST
  @Path("{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Return a report to its unit with a reason")
  @APIResponse(responseCode = "200", description = "the report, RETURNED")
  @APIResponse(responseCode = "400", description = "the reason is missing")
  @APIResponse(responseCode = "404", description = "no such report")
  @APIResponse(responseCode = "409", description = "the report was reviewed already")
  public ReportView returnReport(
      @PathParam("id") @Parameter(example = "42") long id, @Valid @NotNull ReasonRequest request) {
    return service.returnReport(id, request.reason(), actor.get());
  }
}

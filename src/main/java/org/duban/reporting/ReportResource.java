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
import java.util.List;
import org.duban.evidence.EvidenceStore;
import org.duban.evidence.FileResource;
import org.duban.evidence.OwnerKind;
import org.duban.evidence.dto.FileView;
import org.duban.identity.CurrentActor;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.duban.platform.Role;
import org.duban.measure.dto.ReasonRequest;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.reporting.dto.ReportView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
  private final EvidenceStore files;

  public ReportResource(ReportService service, CurrentActor actor, EvidenceStore files) {
    this.service = service;
    this.actor = actor;
    this.files = files;
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

  // --- evidence files (issue 15)

  @POST
  @Path("{id}/files")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Role.OFFICE_, Role.REPORTER_})
  @Operation(summary = "Attach an evidence file (multipart, part file): PDF, JPEG, PNG, DOCX or XLSX by its content, up to TRACKER_EVIDENCE_MAX_MB")
  @APIResponse(responseCode = "201", description = "the file: id, sha256, type decided from the content; Location /api/v1/files/{id}",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileView.class)))
  @APIResponse(responseCode = "400", description = "no part named file, or the file is empty")
  @APIResponse(responseCode = "403", description = "not the report's unit or an office supervising its item")
  @APIResponse(responseCode = "404", description = "no such report, or not one the caller reads")
  @APIResponse(responseCode = "409", description = "the report was reviewed already")
  @APIResponse(responseCode = "413", description = "larger than TRACKER_EVIDENCE_MAX_MB")
  @APIResponse(responseCode = "415", description = "not a PDF, JPEG, PNG, DOCX or XLSX by its content")
  public Response attachFile(@PathParam("id") @Parameter(example = "42") long id, @RestForm("file") FileUpload file) {
    return FileResource.created(files, OwnerKind.REPORT, id, file, actor.get());
  }

  @GET
  @Path("{id}/files")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "A report's evidence files, oldest first")
  @APIResponse(responseCode = "200", description = "the files: name, type, size, sha256")
  @APIResponse(responseCode = "404", description = "no such report, or not one the caller reads")
  public List<FileView> files(@PathParam("id") @Parameter(example = "42") long id) {
    return files.list(OwnerKind.REPORT, id, actor.get());
  }
}

package org.duban.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.duban.identity.CurrentActor;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.Precondition;
import org.duban.platform.PublicBaseUrl;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.duban.audit.dto.JournalView;
import org.duban.measure.MeasureLifecycle;
import org.duban.measure.MeasureQueries;
import org.duban.measure.dto.NoteRequest;
import org.duban.measure.dto.PostponeRequest;
import org.duban.measure.dto.ReasonRequest;
import org.duban.supervision.dto.RectificationRequest;
import org.duban.supervision.dto.RectificationView;

/**
 * Rectification items (整改事项), addressed by their number. Reports are at
 * /api/v1/rectifications/{id}/reports (reporting); the steps here are the measures' own.
 */
@Path("/api/v1/rectifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
public class RectificationResource {

  private final RectificationService service;
  private final MeasureLifecycle lifecycle;
  private final MeasureQueries queries;
  private final CurrentActor actor;
  private final PublicBaseUrl links;
  private final org.duban.evidence.EvidenceStore files;

  public RectificationResource(RectificationService service, MeasureLifecycle lifecycle, MeasureQueries queries, CurrentActor actor,
      PublicBaseUrl links, org.duban.evidence.EvidenceStore files) {
    this.files = files;
    this.service = service;
    this.lifecycle = lifecycle;
    this.queries = queries;
    this.actor = actor;
    this.links = links;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Make a finding a rectification item: what it concerns, the responsible unit, deadline, title, finding, required outcome, and the inspection or visit it was found in")
  @APIResponse(responseCode = "201", description = "the item", content = @Content(schema = @Schema(implementation = RectificationView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields, an unknown unit, or an item, inspection or visit the caller cannot see")
  @APIResponse(responseCode = "403", description = "the unit is outside the office's region (and the office is not of the inspecting group)")
  public Response create(@Valid @NotNull RectificationRequest request) {
    RectificationView r = service.create(request, actor.get());
    return tagged(Response.created(links.link("api", "v1", "rectifications", String.valueOf(r.id()))), r);
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "The rectification items the caller reads, newest first")
  @APIResponse(responseCode = "400", description = "a parameter is invalid")
  @APIResponse(responseCode = "200", description = "a page of items")
  public Page<RectificationView> list(
      @QueryParam("unit") @Parameter(description = "the responsible unit", example = "fy370100") String unit,
      @QueryParam("status") @Parameter(example = "IN_PROGRESS") String status,
      @QueryParam("overdue") @Parameter(description = "true or false") String overdue,
      @QueryParam("region") @Parameter(description = "this region and below", example = "370100") String region,
      @QueryParam("concerns") @Parameter(description = "a measure's or task's code", example = "J05") String concerns,
      @QueryParam("inspection") @Parameter(description = "an inspection's id", example = "1") String inspection,
      @BeanParam PageRequest page) {
    return service.list(unit, status, overdue, region, concerns, inspection, page.validated(), actor.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "One rectification item, with its ETag")
  @APIResponse(responseCode = "404", description = "no such item, or not one the caller may see")
  @APIResponse(responseCode = "200", description = "the item", content = @Content(schema = @Schema(implementation = RectificationView.class)))
  public Response get(@PathParam("id") String id) {
    return tagged(Response.ok(), service.get(number(id), actor.get()));
  }

  @POST
  @Path("{id}/claim-done")
  @RolesAllowed(Role.REPORTER_)
  @Operation(summary = "The responsible unit says it is done (申请销号)")
  @APIResponse(responseCode = "403", description = "not the responsible unit")
  @APIResponse(responseCode = "404", description = "no such item, or not the reporter's")
  @APIResponse(responseCode = "409", description = "the status does not allow it")
  @APIResponse(responseCode = "200", description = "the item, now CLAIMED_DONE", content = @Content(schema = @Schema(implementation = RectificationView.class)))
  public Response claimDone(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid NoteRequest request) {
    var who = actor.get();
    return tagged(Response.ok(), service.step(number(id), who, c -> lifecycle.claimDone(c, request, Precondition.ifMatch(ifMatch), who)));
  }

  @POST
  @Path("{id}/verify")
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Verify the closure (整改销号)")
  @APIResponse(responseCode = "403", description = "outside the office's region")
  @APIResponse(responseCode = "404", description = "no such item")
  @APIResponse(responseCode = "409", description = "not CLAIMED_DONE")
  @APIResponse(responseCode = "200", description = "the item, now VERIFIED", content = @Content(schema = @Schema(implementation = RectificationView.class)))
  public Response verify(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid NoteRequest request) {
    var who = actor.get();
    return tagged(Response.ok(), service.step(number(id), who, c -> lifecycle.verify(c, request, Precondition.ifMatch(ifMatch), who)));
  }

  @POST
  @Path("{id}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Send it back with a reason (退回)")
  @APIResponse(responseCode = "400", description = "the reason is missing")
  @APIResponse(responseCode = "403", description = "outside the office's region")
  @APIResponse(responseCode = "404", description = "no such item")
  @APIResponse(responseCode = "409", description = "neither CLAIMED_DONE nor VERIFIED")
  @APIResponse(responseCode = "200", description = "the item, now IN_PROGRESS", content = @Content(schema = @Schema(implementation = RectificationView.class)))
  public Response reopen(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ReasonRequest request) {
    var who = actor.get();
    return tagged(Response.ok(), service.step(number(id), who, c -> lifecycle.reopen(c, request, Precondition.ifMatch(ifMatch), who)));
  }

  @POST
  @Path("{id}/postponements")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Postpone it (the committed deadline never moves)")
  @APIResponse(responseCode = "400", description = "the new deadline is not later")
  @APIResponse(responseCode = "403", description = "outside the office's region")
  @APIResponse(responseCode = "404", description = "no such item")
  @APIResponse(responseCode = "409", description = "the item is verified")
  @APIResponse(responseCode = "200", description = "the item with its new deadline", content = @Content(schema = @Schema(implementation = RectificationView.class)))
  public Response postpone(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PostponeRequest request) {
    var who = actor.get();
    return tagged(Response.ok(), service.step(number(id), who, c -> lifecycle.postpone(c, request, Precondition.ifMatch(ifMatch), who)));
  }

  @GET
  @Path("{id}/journal")
  @RolesAllowed({Role.OFFICE_, Role.AUDITOR_})
  @Operation(summary = "Every change to a rectification item and its reports")
  @APIResponse(responseCode = "404", description = "no such item")
  @APIResponse(responseCode = "200", description = "a page of journal entries, newest first")
  public Page<JournalView> journal(@PathParam("id") String id, @BeanParam PageRequest page) {
    return queries.journal(org.duban.measure.ItemKind.rectificationCode(number(id)), page.validated(), actor.get());
  }

  /** The number in the path: anything else is no item (404). */
  public static long number(String id) {
    try {
      long n = Long.parseLong(id);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ProblemException.notFound("There is no rectification item " + id + ".");
  }

  private static Response tagged(Response.ResponseBuilder builder, RectificationView view) {
    return builder.entity(view).tag(new EntityTag(String.valueOf(view.version()))).build();
  }

  // --- evidence files (issue 15)

  @POST
  @Path("{id}/files")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Role.OFFICE_, Role.REPORTER_})
  @Operation(summary = "Attach an evidence file to a rectification item (multipart, part file, header X-Requested-By): PDF, JPEG, PNG, DOCX or XLSX by its content, up to TRACKER_EVIDENCE_MAX_MB")
  @APIResponse(responseCode = "201", description = "the file: id, sha256, type decided from the content; Location /api/v1/files/{id}",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = org.duban.evidence.dto.FileView.class)))
  @APIResponse(responseCode = "400", description = "no part named file, or the file is empty")
  @APIResponse(responseCode = "403", description = "the caller reads it but may not add files to it")
  @APIResponse(responseCode = "404", description = "no such rectification item, or not one the caller reads")
  @APIResponse(responseCode = "413", description = "larger than TRACKER_EVIDENCE_MAX_MB")
  @APIResponse(responseCode = "415", description = "not a PDF, JPEG, PNG, DOCX or XLSX by its content")
  public Response attachFile(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
    return org.duban.evidence.FileResource.created(files, org.duban.evidence.OwnerKind.RECTIFICATION, number(id), file, actor.get());
  }

  @GET
  @Path("{id}/files")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "A rectification item's evidence files, oldest first")
  @APIResponse(responseCode = "404", description = "no such rectification item, or not one the caller reads")
  @APIResponse(responseCode = "200", description = "the files: name, type, size, sha256")
  public List<org.duban.evidence.dto.FileView> files(@PathParam("id") String id) {
    return files.list(org.duban.evidence.OwnerKind.RECTIFICATION, number(id), actor.get());
  }
}

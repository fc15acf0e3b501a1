package org.duban.measure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.audit.dto.JournalView;
import org.duban.identity.CurrentActor;
import org.duban.platform.Role;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.MeasureView;
import org.duban.measure.dto.NoteRequest;
import org.duban.measure.dto.PatchMeasureRequest;
import org.duban.measure.dto.PostponeRequest;
import org.duban.measure.dto.ReasonRequest;
import org.duban.measure.dto.ResumeRequest;
import org.duban.measure.dto.SuspendRequest;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.Precondition;
import org.duban.platform.PublicBaseUrl;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The staff API of measures: the catalogue and the life cycle. */
@Path("/api/v1/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measures", description = "the catalogue of measures and their life cycle (staff)")
public class MeasureResource {

  private final MeasureQueries queries;
  private final MeasureEditing editing;
  private final MeasureLifecycle lifecycle;
  private final CurrentActor actor;
  private final PublicBaseUrl links;

  public MeasureResource(
      MeasureQueries queries, MeasureEditing editing, MeasureLifecycle lifecycle, CurrentActor actor, PublicBaseUrl links) {
    this.queries = queries;
    this.editing = editing;
    this.lifecycle = lifecycle;
    this.actor = actor;
    this.links = links;
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
  @Operation(summary = "List measures (internal view); a reporter sees its unit's measures only")
  @APIResponse(responseCode = "200", description = "a page of measures")
  @APIResponse(responseCode = "400", description = "a filter or page parameter is invalid")
  public Page<MeasureView> list(
      @QueryParam("area") @Parameter(description = "BUSINESS, STABILITY or JUSTICE", example = "JUSTICE") String area,
      @QueryParam("unit") @Parameter(description = "lead or co-unit code", example = "fy") String unit,
      @QueryParam("status") @Parameter(description = "status", example = "IN_PROGRESS") String status,
      @QueryParam("overdue") @Parameter(description = "true or false", example = "true") String overdue,
      @QueryParam("q") @Parameter(description = "substring of the title", example = "执行") String q,
      @QueryParam("light") @Parameter(description = "GREEN, YELLOW, RED or CLOSED", example = "RED") String light,
      @BeanParam PageRequest page) {
    MeasureFilter filter =
        new MeasureFilter(
            Params.enumOf(Area.class, "area", area),
            Params.textOf("unit", unit, 32),
            Params.enumOf(MeasureStatus.class, "status", status),
            Params.booleanOf("overdue", overdue),
            Params.textOf("q", q, 100),
            Params.enumOf(org.duban.measure.Light.class, "light", light));
    return queries.list(filter, page.validated(), actor.get());
  }

  @GET
  @Path("{code}")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
  @Operation(summary = "One measure (internal view), with its ETag")
  @APIResponse(responseCode = "200", description = "the measure; the ETag header carries its version", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "404", description = "no such measure, or not one of the reporter's unit")
  public Response get(@PathParam("code") @Parameter(example = "J04") String code) {
    return withTag(Response.ok(), queries.get(code, actor.get()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Create a measure; its deadline is also its committed deadline")
  @APIResponse(responseCode = "201", description = "created; Location names it", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields (each one named)")
  @APIResponse(responseCode = "409", description = "the code is taken")
  @APIResponse(responseCode = "413", description = "the body is over 64 KiB")
  @APIResponse(responseCode = "415", description = "not application/json")
  public Response create(@Valid @NotNull CreateMeasureRequest request) {
    MeasureView created = editing.create(request, actor.get());
    return withTag(Response.created(links.link("api", "v1", "measures", created.code())), created);
  }

  @PATCH
  @Path("{code}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @RolesAllowed(Role.OFFICE_)
  @Operation(
      summary = "Edit a measure (not status, progress or deadlines); needs If-Match with its ETag")
  @APIResponse(responseCode = "200", description = "the changed measure and its new ETag", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "400", description = "invalid, unknown or read-only fields")
  @APIResponse(responseCode = "404", description = "no such measure")
  @APIResponse(responseCode = "412", description = "the measure changed since it was read; nothing changed")
  @APIResponse(responseCode = "413", description = "the body is over 64 KiB")
  @APIResponse(responseCode = "415", description = "not application/json")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public Response patch(
      @PathParam("code") @Parameter(example = "J04") String code,
      @HeaderParam("If-Match") @Parameter(description = "the ETag read with the measure", example = "\"3\"") String ifMatch,
      @Valid @NotNull PatchMeasureRequest request) {
    return withTag(
        Response.ok(), editing.update(measure(code), request, Precondition.ifMatch(ifMatch), actor.get()));
  }

  @POST
  @Path("{code}/postponements")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Postpone: move the current deadline (the committed one never moves)")
  @APIResponse(responseCode = "200", description = "the measure with its new deadline", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields, or the new deadline is not later")
  @APIResponse(responseCode = "404", description = "no such measure")
  @APIResponse(responseCode = "409", description = "the measure is verified and closed")
  @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
  public Response postpone(
      @PathParam("code") @Parameter(example = "J05") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull PostponeRequest request) {
    return withTag(
        Response.ok(), lifecycle.postpone(measure(code), request, Precondition.ifMatch(ifMatch), actor.get()));
  }

  @POST
  @Path("{code}/claim-done")
  @RolesAllowed(Role.REPORTER_)
  @Operation(summary = "The lead unit asks to close the measure (申请销号)")
  @APIResponse(responseCode = "200", description = "the measure, now CLAIMED_DONE", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "403", description = "the reporter's unit is a co-unit, not the lead")
  @APIResponse(responseCode = "404", description = "no such measure, or not one of the reporter's unit")
  @APIResponse(responseCode = "409", description = "the status does not allow it")
  @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
  public Response claimDone(
      @PathParam("code") @Parameter(example = "J04") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Valid NoteRequest request) {
    return withTag(
        Response.ok(), lifecycle.claimDone(measure(code), request, Precondition.ifMatch(ifMatch), actor.get()));
  }

  @POST
  @Path("{code}/verify")
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Verify and close a measure claimed done (销号)")
  @APIResponse(responseCode = "200", description = "the measure, now VERIFIED", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "404", description = "no such measure")
  @APIResponse(responseCode = "409", description = "the measure is not CLAIMED_DONE")
  @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
  public Response verify(
      @PathParam("code") @Parameter(example = "J04") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Valid NoteRequest request) {
    return withTag(
        Response.ok(), lifecycle.verify(measure(code), request, Precondition.ifMatch(ifMatch), actor.get()));
  }

  @POST
  @Path("{code}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Send a claimed or verified measure back to IN_PROGRESS, with a reason")
  @APIResponse(responseCode = "200", description = "the measure, now IN_PROGRESS", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "400", description = "the reason is missing")
  @APIResponse(responseCode = "404", description = "no such measure")
  @APIResponse(responseCode = "409", description = "the measure is neither CLAIMED_DONE nor VERIFIED")
  @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
  public Response reopen(
      @PathParam("code") @Parameter(example = "J04") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull ReasonRequest request) {
    return withTag(
        Response.ok(), lifecycle.reopen(measure(code), request, Precondition.ifMatch(ifMatch), actor.get()));
  }

  @POST
  @Path("{code}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Suspend a measure, with an internal reason and optionally a published sentence for the timeline")
  @APIResponse(responseCode = "200", description = "the measure, now SUSPENDED", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "400", description = "the reason is missing")
  @APIResponse(responseCode = "404", description = "no such measure")
  @APIResponse(responseCode = "409", description = "the status does not allow it")
  @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
  public Response suspend(
      @PathParam("code") @Parameter(example = "S02") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull SuspendRequest request) {
    return withTag(
        Response.ok(), lifecycle.suspend(measure(code), request, Precondition.ifMatch(ifMatch), actor.get()));
  }

  @POST
  @Path("{code}/resume")
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Resume a suspended measure; optionally an internal reason and a published sentence for the timeline")
  @APIResponse(responseCode = "200", description = "the measure, IN_PROGRESS again (NOT_STARTED at 0%)", content = @Content(schema = @Schema(implementation = MeasureView.class)))
  @APIResponse(responseCode = "404", description = "no such measure")
  @APIResponse(responseCode = "409", description = "the measure is not SUSPENDED")
  @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
  public Response resume(
      @PathParam("code") @Parameter(example = "S02") String code,
      @HeaderParam("If-Match") String ifMatch,
      @Valid ResumeRequest request) {
    return withTag(
        Response.ok(), lifecycle.resume(measure(code), request, Precondition.ifMatch(ifMatch), actor.get()));
  }

  @GET
  @Path("{code}/journal")
  @RolesAllowed({Role.OFFICE_, Role.AUDITOR_})
  @Operation(summary = "Every change to a measure and its reports: actor, time, field, old and new value")
  @APIResponse(responseCode = "200", description = "a page of journal entries, newest first")
  @APIResponse(responseCode = "400", description = "a page parameter is invalid")
  @APIResponse(responseCode = "404", description = "no such measure")
  public Page<JournalView> journal(
      @PathParam("code") @Parameter(example = "J04") String code, @BeanParam PageRequest page) {
    return queries.journal(measure(code), page.validated(), actor.get());
  }

  /** A task's code is not a measure's: 404 here (its endpoints are under /api/v1/tasks). */
  private static String measure(String code) {
    MeasureQueries.requireKind(code, ItemKind.MEASURE);
    return code;
  }

  private static Response withTag(Response.ResponseBuilder builder, MeasureView view) {
    return builder.entity(view).tag(new EntityTag(String.valueOf(view.version()))).build();
  }
}

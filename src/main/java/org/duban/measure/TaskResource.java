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
import java.util.List;
import org.duban.audit.dto.JournalView;
import org.duban.identity.CurrentActor;
import org.duban.measure.dto.CreateTaskRequest;
import org.duban.measure.dto.NoteRequest;
import org.duban.measure.dto.PatchTaskRequest;
import org.duban.measure.dto.PostponeRequest;
import org.duban.measure.dto.ReasonRequest;
import org.duban.measure.dto.TaskView;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.Precondition;
import org.duban.platform.PublicBaseUrl;
import org.duban.platform.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The staff API of local tasks (分解任务): a measure broken down by region, code {measure}-{region}.
 * A task's life cycle is a measure's; its reports are under /api/v1/tasks/{taskCode}/reports.
 */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "local tasks: measures broken down by city and county (staff)")
public class TaskResource {

  private final TaskService tasks;
  private final MeasureLifecycle lifecycle;
  private final MeasureQueries queries;
  private final CurrentActor actor;
  private final PublicBaseUrl links;

  public TaskResource(TaskService tasks, MeasureLifecycle lifecycle, MeasureQueries queries, CurrentActor actor, PublicBaseUrl links) {
    this.tasks = tasks;
    this.lifecycle = lifecycle;
    this.queries = queries;
    this.actor = actor;
    this.links = links;
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
  @Operation(summary = "Tasks across measures, with filters; an account with a region sees that region and below")
  @APIResponse(responseCode = "200", description = "a page of tasks")
  @APIResponse(responseCode = "400", description = "a filter or page parameter is invalid")
  @APIResponse(responseCode = "403", description = "region= is outside the account's region")
  public Page<TaskView> list(
      @QueryParam("measure") @Parameter(example = "J05") String measure,
      @QueryParam("region") @Parameter(description = "this region and below", example = "370100") String region,
      @QueryParam("area") @Parameter(example = "JUSTICE") String area,
      @QueryParam("unit") @Parameter(example = "jnzy") String unit,
      @QueryParam("status") @Parameter(example = "IN_PROGRESS") String status,
      @QueryParam("overdue") @Parameter(example = "true") String overdue,
      @QueryParam("light") @Parameter(example = "RED") String light,
      @BeanParam PageRequest page) {
    MeasureFilter filter = new MeasureFilter(
        Params.enumOf(Area.class, "area", area),
        Params.textOf("unit", unit, 32),
        Params.enumOf(MeasureStatus.class, "status", status),
        Params.booleanOf("overdue", overdue),
        null,
        Params.enumOf(Light.class, "light", light),
        ItemKind.TASK,
        Params.textOf("region", region, 6),
        Params.textOf("measure", measure, 16));
    return tasks.list(filter, page.validated(), actor.get());
  }

  @GET
  @Path("{taskCode}")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
  @Operation(summary = "One task, with its ETag")
  @APIResponse(responseCode = "200", description = "the task", content = @Content(schema = @Schema(implementation = TaskView.class)))
  @APIResponse(responseCode = "404", description = "no such task, or not one the caller may see")
  public Response get(@PathParam("taskCode") @Parameter(example = "J05-370100") String taskCode) {
    return withTag(Response.ok(), tasks.get(taskCode, actor.get()));
  }

  @PATCH
  @Path("{taskCode}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Change a task's unit, shares, actuals, milestones or notes; needs If-Match")
  @APIResponse(responseCode = "200", description = "the changed task and its new ETag", content = @Content(schema = @Schema(implementation = TaskView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields")
  @APIResponse(responseCode = "403", description = "the task is outside the office's region")
  @APIResponse(responseCode = "404", description = "no such task")
  @APIResponse(responseCode = "412", description = "the task changed since it was read")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public Response patch(
      @PathParam("taskCode") @Parameter(example = "J05-370100") String taskCode,
      @HeaderParam("If-Match") @Parameter(example = "\"3\"") String ifMatch,
      @Valid @NotNull PatchTaskRequest request) {
    return withTag(Response.ok(), tasks.patch(taskCode, request, Precondition.ifMatch(ifMatch), actor.get()));
  }

  @POST
  @Path("{taskCode}/postponements")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Postpone a task (never past its parent's deadline; the committed deadline never moves)")
  @APIResponse(responseCode = "200", description = "the task with its new deadline", content = @Content(schema = @Schema(implementation = TaskView.class)))
  @APIResponse(responseCode = "400", description = "the new deadline is not later, or after the parent's")
  @APIResponse(responseCode = "403", description = "outside the office's region")
  @APIResponse(responseCode = "404", description = "no such task")
  @APIResponse(responseCode = "409", description = "the task is verified")
  public Response postpone(@PathParam("taskCode") String taskCode, @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull PostponeRequest request) {
    var who = actor.get();
    return withTag(Response.ok(), tasks.step(taskCode, who, c -> lifecycle.postpone(c, request, Precondition.ifMatch(ifMatch), who)));
  }

  @POST
  @Path("{taskCode}/claim-done")
  @RolesAllowed(Role.REPORTER_)
  @Operation(summary = "The responsible unit asks to close its task (申请销号)")
  @APIResponse(responseCode = "200", description = "the task, now CLAIMED_DONE", content = @Content(schema = @Schema(implementation = TaskView.class)))
  @APIResponse(responseCode = "403", description = "not the responsible unit")
  @APIResponse(responseCode = "404", description = "no such task, or not the reporter's")
  @APIResponse(responseCode = "409", description = "the status does not allow it")
  public Response claimDone(@PathParam("taskCode") String taskCode, @HeaderParam("If-Match") String ifMatch, @Valid NoteRequest request) {
    var who = actor.get();
    return withTag(Response.ok(), tasks.step(taskCode, who, c -> lifecycle.claimDone(c, request, Precondition.ifMatch(ifMatch), who)));
  }

  @POST
  @Path("{taskCode}/verify")
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Verify and close a task claimed done (销号); with tasks still open below it, openTasksReason is required")
  @APIResponse(responseCode = "200", description = "the task, now VERIFIED", content = @Content(schema = @Schema(implementation = TaskView.class)))
  @APIResponse(responseCode = "403", description = "outside the office's region")
  @APIResponse(responseCode = "404", description = "no such task")
  @APIResponse(responseCode = "409", description = "not CLAIMED_DONE, or open tasks below it and no reason")
  public Response verify(@PathParam("taskCode") String taskCode, @HeaderParam("If-Match") String ifMatch, @Valid NoteRequest request) {
    var who = actor.get();
    return withTag(Response.ok(), tasks.step(taskCode, who, c -> lifecycle.verify(c, request, Precondition.ifMatch(ifMatch), who)));
  }

  @POST
  @Path("{taskCode}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Send a claimed or verified task back to IN_PROGRESS, with a reason")
  @APIResponse(responseCode = "200", description = "the task, now IN_PROGRESS", content = @Content(schema = @Schema(implementation = TaskView.class)))
  @APIResponse(responseCode = "400", description = "the reason is missing")
  @APIResponse(responseCode = "403", description = "outside the office's region")
  @APIResponse(responseCode = "404", description = "no such task")
  @APIResponse(responseCode = "409", description = "neither CLAIMED_DONE nor VERIFIED")
  public Response reopen(@PathParam("taskCode") String taskCode, @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull ReasonRequest request) {
    var who = actor.get();
    return withTag(Response.ok(), tasks.step(taskCode, who, c -> lifecycle.reopen(c, request, Precondition.ifMatch(ifMatch), who)));
  }

  @GET
  @Path("{taskCode}/journal")
  @RolesAllowed({Role.OFFICE_, Role.AUDITOR_})
  @Operation(summary = "Every change to a task and its reports")
  @APIResponse(responseCode = "200", description = "a page of journal entries, newest first")
  @APIResponse(responseCode = "404", description = "no such task")
  public Page<JournalView> journal(@PathParam("taskCode") String taskCode, @BeanParam PageRequest page) {
    MeasureQueries.requireKind(taskCode, ItemKind.TASK);
    return queries.journal(taskCode, page.validated(), actor.get());
  }

  private static Response withTag(Response.ResponseBuilder builder, TaskView view) {
    return builder.entity(view).tag(new EntityTag(String.valueOf(view.version()))).build();
  }
}

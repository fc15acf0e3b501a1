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

/** A measure's local tasks: listing them and breaking the measure down (one task per region). */
@Path("/api/v1/measures/{code}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class MeasureTasksResource {

  private final TaskService tasks;
  private final CurrentActor actor;
  private final PublicBaseUrl links;

  public MeasureTasksResource(TaskService tasks, CurrentActor actor, PublicBaseUrl links) {
    this.tasks = tasks;
    this.actor = actor;
    this.links = links;
  }

  @GET
    @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
  @Operation(summary = "A measure's tasks, as the caller may see them (its region and below; a reporter its unit's and line's)")
  @APIResponse(responseCode = "200", description = "the tasks in code order")
  @APIResponse(responseCode = "404", description = "no such measure")
  public List<TaskView> ofMeasure(@PathParam("code") @Parameter(example = "J05") String code) {
    return tasks.ofMeasure(code, actor.get());
  }

  @POST
    @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Break a measure down: a task for one region (an office whose region contains it)")
  @APIResponse(responseCode = "201", description = "created; Location names it", content = @Content(schema = @Schema(implementation = TaskView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields: unknown region or unit, a unit outside the region, a deadline after the parent's")
  @APIResponse(responseCode = "403", description = "the region is outside the office's")
  @APIResponse(responseCode = "404", description = "no such measure")
  @APIResponse(responseCode = "409", description = "the region has a task already, or the measure is verified")
  public Response create(@PathParam("code") @Parameter(example = "J05") String code, @Valid @NotNull CreateTaskRequest request) {
    TaskView created = tasks.create(code, request, actor.get());
    return withTag(Response.created(links.link("api", "v1", "tasks", created.code())), created);
  }

  private static Response withTag(Response.ResponseBuilder builder, TaskView view) {
    return builder.entity(view).tag(new EntityTag(String.valueOf(view.version()))).build();
  }
}

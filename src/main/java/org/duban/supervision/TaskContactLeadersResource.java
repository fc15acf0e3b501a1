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
import org.duban.supervision.dto.ContactLeadersRequest;
import org.duban.supervision.dto.LeaderHomeView;

/** The contact leaders of a task. */
@Path("/api/v1/tasks/{taskCode}/contact-leaders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
public class TaskContactLeadersResource {

  private final SupervisionService service;
  private final CurrentActor actor;

  public TaskContactLeadersResource(SupervisionService service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_})
  @Operation(summary = "The contact leaders of a task (usernames)")
  @APIResponse(responseCode = "404", description = "no such task, or not one the caller may see")
  @APIResponse(responseCode = "200", description = "the usernames")
  public List<String> ofTask(@PathParam("taskCode") @Parameter(example = "J05-370100") String code) {
    org.duban.measure.MeasureQueries.requireKind(code, org.duban.measure.ItemKind.TASK);
    return service.contactLeaders(code, actor.get());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Name the contact leaders of a task (an office whose region contains it)")
  @APIResponse(responseCode = "400", description = "an unknown account, not a LEADER, or one that does not see the task")
  @APIResponse(responseCode = "403", description = "outside the office's region")
  @APIResponse(responseCode = "404", description = "no such task, or not one the caller may see")
  @APIResponse(responseCode = "200", description = "the usernames now")
  public List<String> setForTask(@PathParam("taskCode") String code, @Valid @NotNull ContactLeadersRequest request) {
    org.duban.measure.MeasureQueries.requireKind(code, org.duban.measure.ItemKind.TASK);
    return service.setContactLeaders(code, request, actor.get());
  }
}

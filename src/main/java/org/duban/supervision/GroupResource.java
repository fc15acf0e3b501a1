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
import org.duban.supervision.dto.GroupRequest;
import org.duban.supervision.dto.GroupView;

/** Guidance groups (省级指导组): set up by the province's office, read by offices and leaders. */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision", description = "contact leaders, guidance groups, inspections, visits, rectification items")
public class GroupResource {

  private final SupervisionService service;
  private final CurrentActor actor;
  private final PublicBaseUrl links;

  public GroupResource(SupervisionService service, CurrentActor actor, PublicBaseUrl links) {
    this.service = service;
    this.actor = actor;
    this.links = links;
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "Every guidance group with its members and assignments")
  public List<GroupView> list() {
    return service.groups();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "One guidance group")
  @APIResponse(responseCode = "404", description = "no such group")
  @APIResponse(responseCode = "200", description = "the group")
  public GroupView get(@PathParam("id") String id) {
    return service.group(id(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Set up a guidance group: name, members (LEADER or OFFICE usernames), the regions and units it is sent to (an office of the whole province)")
  @APIResponse(responseCode = "201", description = "the group", content = @Content(schema = @Schema(implementation = GroupView.class)))
  @APIResponse(responseCode = "400", description = "an unknown member, region or unit, or a member neither LEADER nor OFFICE")
  @APIResponse(responseCode = "403", description = "not an office of the whole province")
  @APIResponse(responseCode = "409", description = "the name is taken")
  public Response create(@Valid @NotNull GroupRequest request) {
    GroupView g = service.createGroup(request, actor.get());
    return Response.created(links.link("api", "v1", "groups", String.valueOf(g.id()))).entity(g).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.OFFICE_)
  @Operation(summary = "Rename a group and replace the lists sent (members, regions, units; a list left out stays)")
  @APIResponse(responseCode = "200", description = "the group")
  @APIResponse(responseCode = "403", description = "not an office of the whole province")
  @APIResponse(responseCode = "404", description = "no such group")
  public GroupView update(@PathParam("id") String id, @Valid @NotNull GroupRequest request) {
    return service.updateGroup(id(id), request, actor.get());
  }

  static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("There is no guidance group " + id + ".");
    }
  }
}

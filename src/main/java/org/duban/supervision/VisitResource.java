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
import org.duban.supervision.dto.VisitRequest;
import org.duban.supervision.dto.VisitView;

/** Contact visits and research (联系调研) by the contact leaders of a measure or task. */
@Path("/api/v1/visits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
public class VisitResource {

  private final SupervisionService service;
  private final CurrentActor actor;
  private final PublicBaseUrl links;

  public VisitResource(SupervisionService service, CurrentActor actor, PublicBaseUrl links) {
    this.service = service;
    this.actor = actor;
    this.links = links;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "Record a visit: the item, date, place, participants, what was found, follow-ups (a contact leader of the item, or an office that acts on it)")
  @APIResponse(responseCode = "201", description = "the visit", content = @Content(schema = @Schema(implementation = VisitView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields, or an item the caller cannot see")
  @APIResponse(responseCode = "403", description = "not a contact leader of the item nor an office that acts on it")
  public Response record(@Valid @NotNull VisitRequest request) {
    VisitView v = service.recordVisit(request, actor.get());
    return Response.created(links.link("api", "v1", "visits", String.valueOf(v.id()))).entity(v).build();
  }

  @GET
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "The visits the caller reads (its own, those to items it is contact leader of; an office: those to items it reads), newest first")
  public Page<VisitView> list(@QueryParam("item") @Parameter(description = "a measure's or task's code", example = "J05") String item,
      @BeanParam PageRequest page) {
    return service.visits(item, page.validated(), actor.get());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.OFFICE_, Role.LEADER_})
  @Operation(summary = "One visit with the rectification items born from it")
  @APIResponse(responseCode = "404", description = "no such visit, or not one the caller may see")
  public VisitView get(@PathParam("id") String id) {
    try {
      return service.visit(Long.parseLong(id), actor.get());
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("There is no visit " + id + ".");
    }
  }
}

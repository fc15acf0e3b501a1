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

/** A leader's own desk: what it is contact leader of. */
@Path("/api/v1/me/desk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
public class LeaderDeskResource {

  private final SupervisionService service;
  private final CurrentActor actor;

  public LeaderDeskResource(SupervisionService service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @GET
  @RolesAllowed(Role.LEADER_)
  @Operation(summary = "A leader's desk: the measures and tasks it is contact leader of with their lights, how many are overdue, and the rectification items on them")
  public LeaderHomeView desk() {
    return service.home(actor.get());
  }
}

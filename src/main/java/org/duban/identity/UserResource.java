package org.duban.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.identity.dto.CreateUserRequest;
import org.duban.identity.dto.UserView;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.PublicBaseUrl;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_)
@Tag(name = "Administration", description = "units and accounts (ADMIN)")
public class UserResource {

  private final IdentityService service;
  private final CurrentActor actor;
  private final PublicBaseUrl links;

  public UserResource(IdentityService service, CurrentActor actor, PublicBaseUrl links) {
    this.service = service;
    this.actor = actor;
    this.links = links;
  }

  @GET
  @Operation(summary = "Accounts (never their password hashes)")
  @APIResponse(responseCode = "200", description = "a page of accounts")
  @APIResponse(responseCode = "400", description = "a page parameter is invalid")
  public Page<UserView> list(@BeanParam PageRequest page) {
    return service.users(page.validated());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an account; a REPORTER is bound to one unit")
  @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields")
  @APIResponse(responseCode = "409", description = "the user name is taken")
  @APIResponse(responseCode = "415", description = "not application/json")
  public Response create(@Valid @NotNull CreateUserRequest request) {
    UserView user = service.createUser(request, actor.get());
    return Response.created(links.link("api", "v1", "users", user.username()))
        .entity(user)
        .build();
  }

  @POST
  @Path("{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reset a user's password; the user must change it at the next login")
  @APIResponse(responseCode = "204", description = "reset")
  @APIResponse(responseCode = "400", description = "the new password breaks the policy")
  @APIResponse(responseCode = "404", description = "no such user")
  public void reset(
      @jakarta.ws.rs.PathParam("username") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(example = "reporter-fy") String username,
      @Valid @NotNull org.duban.identity.dto.PasswordReset body) {
    service.resetPassword(username, body.newPassword(), actor.get());
  }
}

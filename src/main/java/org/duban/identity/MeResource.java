package org.duban.identity;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.duban.identity.dto.PasswordChange;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's own account. */
@Path("/api/v1/me")
@Authenticated
@Tag(name = "Administration", description = "accounts and units")
public class MeResource {

  private final IdentityService service;
  private final CurrentActor actor;

  public MeResource(IdentityService service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change your password (the only thing an expired or reset password allows)")
  @APIResponse(responseCode = "204", description = "changed")
  @APIResponse(responseCode = "400", description = "the current password is wrong, or the new one breaks the policy")
  public void change(@Valid @NotNull PasswordChange body) {
    service.changePassword(body.currentPassword(), body.newPassword(), actor.get());
  }
}

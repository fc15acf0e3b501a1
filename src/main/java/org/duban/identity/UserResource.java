package org.duban.identity;

import org.duban.platform.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.identity.dto.CreateUserRequest;
import org.duban.identity.dto.LockRequest;
import org.duban.identity.dto.UserView;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.PublicBaseUrl;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_, Role.SECURITY_})
@Tag(name = "Administration", description = "units and accounts (ADMIN), privileged accounts, locks and resets (SECURITY)")
public class UserResource {

  private final IdentityService service;
  private final CurrentActor actor;
  private final PublicBaseUrl links;
  private final AccountImport imports;

  public UserResource(IdentityService service, CurrentActor actor, PublicBaseUrl links, AccountImport imports) {
    this.service = service;
    this.actor = actor;
    this.links = links;
    this.imports = imports;
  }

  @GET
  @Operation(summary = "Accounts with their state (never a password hash or a second factor's secret)")
  @APIResponse(responseCode = "200", description = "a page of accounts")
  @APIResponse(responseCode = "400", description = "a page parameter is invalid")
  public Page<UserView> list(@BeanParam PageRequest page) {
    return service.users(page.validated());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an account: ADMIN creates OFFICE, LEADER and REPORTER accounts (a REPORTER is bound to one unit), SECURITY creates ADMIN and AUDITOR accounts")
  @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "400", description = "invalid fields")
  @APIResponse(responseCode = "403", description = "your role does not keep accounts of that kind")
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
  @Operation(summary = "Reset a user's password (same kinds as creating); the user must change it at the next login, and every session of the account ends")
  @APIResponse(responseCode = "204", description = "reset")
  @APIResponse(responseCode = "400", description = "the new password breaks the policy")
  @APIResponse(responseCode = "403", description = "your role does not keep accounts of that kind (nobody resets its own kind)")
  @APIResponse(responseCode = "404", description = "no such user")
  public void reset(
      @PathParam("username") @Parameter(example = "reporter-fy") String username,
      @Valid @NotNull org.duban.identity.dto.PasswordReset body) {
    service.resetPassword(username, body.newPassword(), actor.get());
  }

  @GET
  @Path("{username}")
  @Operation(summary = "One account with its state")
  @APIResponse(responseCode = "200", description = "the account", content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "404", description = "no such user")
  public UserView get(@PathParam("username") @Parameter(example = "reporter-fy") String username) {
    return service.user(username);
  }

  @POST
  @Path("{username}/lock")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.SECURITY_)
  @Operation(summary = "Lock an account (SECURITY; not a security administrator's): no sign-in, session or token until unlocked; every session ends for good")
  @APIResponse(responseCode = "200", description = "locked", content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "400", description = "no reason")
  @APIResponse(responseCode = "403", description = "not your kind of account to lock")
  @APIResponse(responseCode = "404", description = "no such user")
  public UserView lock(@PathParam("username") @Parameter(example = "reporter-fy") String username, @Valid @NotNull LockRequest body) {
    return service.lock(username, body.reason().strip(), actor.get());
  }

  @POST
  @Path("{username}/unlock")
  @RolesAllowed(Role.SECURITY_)
  @Operation(summary = "Unlock an account (SECURITY): the lock and the automatic lockout after failed sign-ins end")
  @APIResponse(responseCode = "200", description = "unlocked", content = @Content(schema = @Schema(implementation = UserView.class)))
  @APIResponse(responseCode = "403", description = "not your kind of account to unlock")
  @APIResponse(responseCode = "404", description = "no such user")
  public UserView unlock(@PathParam("username") @Parameter(example = "reporter-fy") String username) {
    return service.unlock(username, actor.get());
  }

  @DELETE
  @Path("{username}/totp")
  @Operation(summary = "Clear a user's second factor (a lost phone; same kinds as a password reset): every session ends, the user enrols again at the next sign-in")
  @APIResponse(responseCode = "204", description = "cleared")
  @APIResponse(responseCode = "403", description = "your role does not keep accounts of that kind")
  @APIResponse(responseCode = "404", description = "no such user")
  public void clearSecondFactor(@PathParam("username") @Parameter(example = "leader") String username) {
    service.clearSecondFactor(username, actor.get());
  }

  @POST
  @Path("import")
  @Consumes("text/csv")
  @Operation(summary = "Import accounts from CSV (headings: username, password, role, unit; optional region), all rows or none; ?dryRun=true checks and writes nothing")
  @APIResponse(responseCode = "200", description = "rows, created, dryRun")
  @APIResponse(responseCode = "400", description = "a bad file or bad rows: errors name each row, column and reason; nothing is written")
  @APIResponse(responseCode = "415", description = "not text/csv")
  public AccountImport.ImportResult importCsv(byte[] body,
      @QueryParam("dryRun") @Parameter(description = "true: check the file and say what would be created, write nothing", example = "true") String dryRun) {
    return imports.importUsers(body, Boolean.TRUE.equals(org.duban.platform.Params.booleanOf("dryRun", dryRun)), actor.get());
  }
}

package org.duban.identity;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.duban.identity.dto.CodeRequest;
import org.duban.identity.dto.CreateTokenRequest;
import org.duban.identity.dto.CreatedToken;
import org.duban.identity.dto.PasswordChange;
import org.duban.identity.dto.TokenView;
import org.duban.identity.dto.TotpEnrolment;
import org.duban.platform.Restriction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's own account: the password, the second factor, personal API tokens. These
 * are the only endpoints a restricted sign-in reaches (each says which restriction it lifts).
 */
@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Your account", description = "your password, second factor and API tokens")
public class MeResource {

  /** The header that carries an authenticator code with HTTP Basic, to create a token. */
  public static final String OTP_HEADER = "X-Duban-OTP";

  private final IdentityService service;
  private final SecondFactor secondFactor;
  private final ApiTokens tokens;
  private final CurrentActor actor;
  private final org.duban.platform.PublicBaseUrl links;
  private final SignIn signIn;

  public MeResource(IdentityService service, SecondFactor secondFactor, ApiTokens tokens, CurrentActor actor,
      org.duban.platform.PublicBaseUrl links, SignIn signIn) {
    this.links = links;
    this.signIn = signIn;
    this.service = service;
    this.secondFactor = secondFactor;
    this.tokens = tokens;
    this.actor = actor;
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change your password (the only thing an expired or reset password allows); every session of yours made before ends")
  @APIResponse(responseCode = "204", description = "changed")
  @APIResponse(responseCode = "400", description = "the current password is wrong, or the new one breaks the policy")
  public void change(@Valid @NotNull PasswordChange body) {
    if (actor.mechanism() == AccessPolicy.Mechanism.TOKEN) {
      throw org.duban.platform.ProblemException.forbidden("A token cannot change the password: sign in with the password.");
    }
    if (actor.restriction() == Restriction.SECOND_FACTOR) {
      throw org.duban.platform.ProblemException.forbidden(Restriction.SECOND_FACTOR.sentence());
    }
    service.changePassword(body.currentPassword(), body.newPassword(), actor.get());
  }

  @POST
  @Path("totp")
  @Operation(summary = "Start enrolling an authenticator app (TOTP): a new secret, pending until you confirm one of its codes")
  @APIResponse(responseCode = "200", description = "the secret and its key URI", content = @Content(schema = @Schema(implementation = TotpEnrolment.class)))
  @APIResponse(responseCode = "403", description = "change your password first, or sign in with your second factor to replace it")
  public TotpEnrolment beginEnrolment(
      @HeaderParam(OTP_HEADER) @Parameter(description = "a current code of the app you have, to replace it", example = "492039") String code) {
    requireMayEnrol(code, true);
    return secondFactor.begin(actor.get());
  }

  @POST
  @Path("totp/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Confirm the enrolment with a code the app shows: from now on you sign in with a code; your other sessions end")
  @APIResponse(responseCode = "204", description = "enrolled")
  @APIResponse(responseCode = "400", description = "not the code the app shows now")
  @APIResponse(responseCode = "409", description = "no enrolment was started")
  public void confirmEnrolment(@Valid @NotNull CodeRequest body) {
    requireMayEnrol(null, false);
    secondFactor.confirm(actor.get(), body.code());
  }

  @GET
  @Path("tokens")
  @Operation(summary = "Your API tokens (never the tokens themselves)")
  @APIResponse(responseCode = "200", description = "newest first")
  public List<TokenView> listTokens() {
    actor.requireUnrestricted();
    return tokens.list(actor.get().username());
  }

  @POST
  @Path("tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an API token for yourself; it is shown once. Administrators (and whoever has a second factor) create it"
      + " from a page session made with the code, or with HTTP Basic plus the header X-Duban-OTP carrying a current code;"
      + " a token cannot create tokens")
  @APIResponse(responseCode = "201", description = "created: the token, shown this once", content = @Content(schema = @Schema(implementation = CreatedToken.class)))
  @APIResponse(responseCode = "400", description = "invalid fields, or a wrong code")
  @APIResponse(responseCode = "403", description = "signed in with a token, or a second factor is needed")
  public Response createToken(@Valid @NotNull CreateTokenRequest body,
      @HeaderParam(OTP_HEADER) @Parameter(description = "a current code of your authenticator app, with HTTP Basic", example = "492039") String code) {
    if (actor.mechanism() == AccessPolicy.Mechanism.TOKEN) {
      throw org.duban.platform.ProblemException.forbidden("A token cannot create tokens: sign in with your password.");
    }
    boolean twoFactor = actor.twoFactor();
    Restriction r = actor.restriction();
    if (code != null && actor.mechanism() == AccessPolicy.Mechanism.BASIC && (r == null || r == Restriction.SECOND_FACTOR)) {
      if (!secondFactor.check(actor.get().username(), code)) {
        // a guess at the code counts like a guess at the password: five in a row lock password sign-in
        signIn.codeFailed(actor.get().username(), actor.get().clientIp(), "POST /api/v1/me/tokens");
        throw org.duban.platform.ProblemException.invalid(OTP_HEADER, "is not your authenticator's current code (or was used already)");
      }
      signIn.succeeded(actor.get().username());
      twoFactor = true;
    } else if (r != null) {
      throw org.duban.platform.ProblemException.forbidden(r.sentence());
    }
    CreatedToken created = tokens.create(actor.get(), body.name(), body.expiresAt(), twoFactor);
    return Response.created(links.link("api", "v1", "me", "tokens", String.valueOf(created.id()))).entity(created).build();
  }

  @DELETE
  @Path("tokens/{id}")
  @Operation(summary = "Revoke one of your tokens: it stops at once")
  @APIResponse(responseCode = "204", description = "revoked (or revoked already)")
  @APIResponse(responseCode = "404", description = "you have no such token")
  public void revokeToken(@PathParam("id") @Parameter(example = "12") long id) {
    actor.requireUnrestricted();
    tokens.revoke(actor.get(), id);
  }

  /**
   * Enrolling is for an account without a second factor yet, or for one that proved it (to replace
   * the app): a password alone never replaces an enrolled second factor.
   */
  private void requireMayEnrol(String currentCode, boolean beginning) {
    if (actor.mechanism() == AccessPolicy.Mechanism.TOKEN) {
      throw org.duban.platform.ProblemException.forbidden("A token cannot change the second factor: sign in with the password.");
    }
    Restriction r = actor.restriction();
    if (r == Restriction.PASSWORD_CHANGE || r == Restriction.SECOND_FACTOR) {
      throw org.duban.platform.ProblemException.forbidden(r.sentence());
    }
    // replacing an enrolled app takes a code of that app, whatever the session (to begin: confirming
    // then needs the pending secret that only such a beginning leaves)
    if (beginning && (currentCode != null || actor.account() != null && actor.account().totpEnrolled())) {
      if (currentCode == null || !secondFactor.check(actor.get().username(), currentCode)) {
        if (currentCode != null) {
          signIn.codeFailed(actor.get().username(), actor.get().clientIp(), "POST /api/v1/me/totp");
        }
        throw org.duban.platform.ProblemException.forbidden(
            "You have a second factor: send a current code of it (X-Duban-OTP) to replace it.");
      }
    }
  }
}

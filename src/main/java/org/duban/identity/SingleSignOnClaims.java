package org.duban.identity;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * What single sign-on checks beyond Quarkus's own verification (signature, issuer, expiry, and the
 * audience: quarkus.oidc.token.audience, by default the client id). A token must name its user in
 * the principal claim (quarkus.oidc.token.principal-claim, preferred_username): without it Quarkus
 * would name the user after another claim (upn, sub), and that name could be a different local
 * account; so such a token is refused as a bad token is (401). And single sign-on does not start
 * without an audience to check, or a token issued to any client of the provider would do.
 */
@ApplicationScoped
@Unremovable
public class SingleSignOnClaims implements Validator {

  static final String NO_AUDIENCE =
      "Single sign-on (QUARKUS_OIDC_TENANT_ENABLED=true) needs QUARKUS_OIDC_CLIENT_ID (or QUARKUS_OIDC_TOKEN_AUDIENCE):"
          + " without it a token issued to any client of the identity provider would be accepted.";

  private final String principalClaim;
  private final boolean enabled;
  private final boolean audience;

  public SingleSignOnClaims(
      @ConfigProperty(name = "quarkus.oidc.token.principal-claim", defaultValue = "preferred_username") String principalClaim,
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<List<String>> audience) {
    this.principalClaim = principalClaim;
    this.enabled = enabled;
    this.audience = audience.filter(a -> a.stream().anyMatch(s -> !s.isBlank())).isPresent();
  }

  void check(@Observes @Priority(1) StartupEvent event) {
    if (enabled && !audience) {
      throw new IllegalStateException(NO_AUDIENCE);
    }
  }

  /** A reason to refuse the token, or null: the principal claim must be a non-blank string. */
  @Override
  public String validate(JwtContext context) {
    Object name = context.getJwtClaims().getClaimValue(principalClaim);
    return name instanceof String s && !s.isBlank() ? null : "the token does not name its user in the " + principalClaim + " claim";
  }
}

package org.duban.identity;

import org.duban.platform.Refused;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.duban.platform.WallClock;

/**
 * A personal API token: one indexed lookup of its SHA-256 (no bcrypt: the token is 256 random bits,
 * which no one guesses). A revoked or expired token is refused; whether its owner may still act is
 * the access policy's question ({@link LoginGuard}: a locked owner may not).
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenRequest> {

  private final AuthSql sql;
  private final Clock clock;

  public TokenIdentityProvider(AuthSql sql, @WallClock Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public Class<TokenRequest> getRequestType() {
    return TokenRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
    String hash = ApiTokens.hashOf(request.token());
    if (hash == null) {
      return Uni.createFrom().failure(Refused.because("not a token of ours"));
    }
    return context.runBlocking(() -> QuarkusTransaction.joiningExisting().call(() -> {
      Instant now = clock.instant();
      AuthSql.TokenRow t = sql.token(hash).orElseThrow(() -> Refused.because("no such token"));
      if (t.revokedAt() != null || !t.expiresAt().isAfter(now)) {
        throw Refused.because("token revoked or expired");
      }
      if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60))) {
        sql.touchToken(t.id(), now); // at most once a minute: a read-only request stays read-only
      }
      return Identities.unchecked(t.account(), AccessPolicy.Mechanism.TOKEN, t.twoFactor(), t.createdAt())
          .addAttribute(Identities.TOKEN_ID, t.id())
          .build();
    }));
  }
}

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
 * A page session cookie: its MAC first (no database for a forged one), then its row. An ended,
 * idle or too old session is refused; a live one is touched (its idle time starts again). Whether
 * its account may still use it is the access policy's question ({@link LoginGuard}).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

  private final Sessions sessions;
  private final AuthSql sql;
  private final Clock clock;

  public SessionIdentityProvider(Sessions sessions, AuthSql sql, @WallClock Clock clock) {
    this.sessions = sessions;
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public Class<SessionRequest> getRequestType() {
    return SessionRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
    String idHash = sessions.hashOf(request.cookie());
    if (idHash == null) {
      return Uni.createFrom().failure(Refused.because("not a session cookie of ours"));
    }
    return context.runBlocking(() -> QuarkusTransaction.joiningExisting().call(() -> {
      Instant now = clock.instant();
      AuthSql.SessionRow s = sql.session(idHash).orElseThrow(() -> Refused.because("no such session"));
      if (!sessions.alive(s, now)) {
        throw Refused.because("session ended");
      }
      if (s.lastSeenAt().isBefore(now.minusSeconds(60))) {
        sql.touchSession(idHash, now); // at most once a minute
      }
      return Identities.unchecked(s.account(), AccessPolicy.Mechanism.SESSION, s.twoFactor(), s.createdAt())
          .addAttribute(Identities.SESSION, idHash)
          .build();
    }));
  }
}

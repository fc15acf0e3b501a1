package org.duban.identity;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.duban.platform.ClientAddress;

/**
 * How staff prove who they are, chosen by where the request goes, not by which headers happen to be
 * there:
 *
 * <ul>
 *   <li>the staff API (/api/..., not /api/v1/public): HTTP Basic (people; the password is checked
 *       by quarkus-security-jpa against the bcrypt hash) or a personal token
 *       ({@code Authorization: Bearer duban_...}); any other bearer token is left to single sign-on,
 *       when it is on. A session cookie does not count here.
 *   <li>the staff pages (/staff, /logout): the page session cookie only. Basic does not count here.
 *   <li>everything else is public: nobody is authenticated, so no password is ever checked there.
 * </ul>
 *
 * The mechanism is written on the request (and then the identity), so that the access policy
 * ({@link LoginGuard}) decides by it. A wrong password is counted against the address at once.
 */
@ApplicationScoped
public class DubanAuthMechanism implements HttpAuthenticationMechanism {

  private final LoginThrottle throttle;
  private final ClientAddress clients;

  public DubanAuthMechanism(LoginThrottle throttle, ClientAddress clients) {
    this.throttle = throttle;
    this.clients = clients;
  }

  /** The staff API: everything under /api/ but the public part. */
  public static boolean staffApi(String path) {
    return path.startsWith("/api/") && !path.startsWith("/api/v1/public/") && !path.equals("/api/v1/public");
  }

  /** The staff pages and logout. */
  public static boolean staffPage(String path) {
    return path.equals("/staff") || path.startsWith("/staff/") || path.equals("/logout");
  }

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identities) {
    String path = ctx.normalizedPath();
    if (staffApi(path)) {
      String h = ctx.request().getHeader("Authorization");
      if (h == null) {
        return Uni.createFrom().nullItem();
      }
      if (h.regionMatches(true, 0, "Bearer duban_", 0, 13)) {
        return identities.authenticate(attach(new TokenRequest(h.substring(7).strip()), ctx, AccessPolicy.Mechanism.TOKEN));
      }
      if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
        return basic(h.substring(6).strip(), ctx, identities);
      }
      return Uni.createFrom().nullItem(); // another bearer token: single sign-on's, when it is on
    }
    if (staffPage(path)) {
      Cookie c = ctx.request().getCookie(Sessions.COOKIE);
      if (c == null || c.getValue() == null || c.getValue().isBlank()) {
        return Uni.createFrom().nullItem();
      }
      return identities.authenticate(attach(new SessionRequest(c.getValue()), ctx, AccessPolicy.Mechanism.SESSION));
    }
    return Uni.createFrom().nullItem();
  }

  private Uni<SecurityIdentity> basic(String encoded, RoutingContext ctx, IdentityProviderManager identities) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().failure(new AuthenticationFailedException("not Base64"));
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Uni.createFrom().failure(new AuthenticationFailedException("no user name"));
    }
    String user = decoded.substring(0, colon);
    var request = new UsernamePasswordAuthenticationRequest(user, new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
    String address = clients.of(ctx.request());
    return identities.authenticate(attach(request, ctx, AccessPolicy.Mechanism.BASIC))
        // every password that did not get in counts against the address, a right one refused (a locked
        // account) too: otherwise an address could learn from the throttle which of its guesses was right
        .onFailure(e -> e instanceof AuthenticationFailedException)
        .invoke(() -> throttle.failed(address));
  }

  private static AuthenticationRequest attach(AuthenticationRequest r, RoutingContext ctx, AccessPolicy.Mechanism m) {
    HttpSecurityUtils.setRoutingContextAttribute(r, ctx);
    r.setAttribute(Identities.MECHANISM, m);
    ctx.put(Identities.MECHANISM, m);
    return r;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
    if (staffPage(ctx.normalizedPath())) {
      return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.FOUND.code(), "Location", "/login"));
    }
    return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(), "WWW-Authenticate",
        "Basic realm=\"Duban\", charset=\"UTF-8\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(UsernamePasswordAuthenticationRequest.class, SessionRequest.class, TokenRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext ctx) {
    return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "duban"));
  }

  @Override
  public int getPriority() {
    // before single sign-on's bearer mechanism, which would otherwise try to read our tokens
    return 3000;
  }
}

package org.duban.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import org.duban.platform.Actor;
import org.duban.platform.ClientAddress;

/** The actor of the current request, resolved once from the security identity and the account. */
@RequestScoped
public class CurrentActor {

  private final SecurityIdentity identity;
  private final HttpServerRequest request;
  private final ClientAddress clients;
  private Actor actor;

  public CurrentActor(SecurityIdentity identity, HttpServerRequest request, ClientAddress clients) {
    this.clients = clients;
    this.identity = identity;
    this.request = request;
  }

  public Actor get() {
    if (actor == null) {
      String ip = clients.of(request);
      if (identity.isAnonymous()) {
        actor = new Actor("anonymous", null, null, ip);
      } else {
        // LoginGuard put the account, as read when the request was authenticated, on every identity
        AccountState known = Identities.account(identity);
        actor = new Actor(identity.getPrincipal().getName(), known.role(), known.unit(), ip, known.region());
      }
    }
    return actor;
  }

  /** What the signed-in user must do first, if anything. */
  public org.duban.platform.Restriction restriction() {
    return Identities.restriction(identity);
  }

  /** How this request was authenticated. */
  public AccessPolicy.Mechanism mechanism() {
    return Identities.mechanism(identity);
  }

  /** The SHA-256 of the page session's identifier, when a page session authenticated the request. */
  public String session() {
    return Identities.session(identity);
  }

  /** The account as read when the request was authenticated (null when anonymous). */
  public AccountState account() {
    return Identities.account(identity);
  }

  /** Whether the session was made, or the token created, with a second factor. */
  public boolean twoFactor() {
    return Identities.twoFactor(identity);
  }

  /** 403 with the restriction's sentence unless the user is free to act. */
  public void requireUnrestricted() {
    org.duban.platform.Restriction r = restriction();
    if (r != null) {
      throw org.duban.platform.ProblemException.forbidden(r.sentence());
    }
  }
}

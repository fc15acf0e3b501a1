package org.duban.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import org.duban.platform.Actor;
import org.duban.platform.ClientAddress;

/** The actor of the current request, resolved once from the security identity and the account. */
@RequestScoped
public class CurrentActor {

  private final SecurityIdentity identity;
  private final HttpServerRequest request;
  private final UserRepository users;
  private final ClientAddress clients;
  private Actor actor;

  public CurrentActor(SecurityIdentity identity, HttpServerRequest request, UserRepository users, ClientAddress clients) {
    this.clients = clients;
    this.identity = identity;
    this.request = request;
    this.users = users;
  }

  @Transactional
  public Actor get() {
    if (actor == null) {
      String ip = clients.of(request);
      if (identity.isAnonymous()) {
        actor = new Actor("anonymous", null, null, ip);
      } else {
        String name = identity.getPrincipal().getName();
        UserAccount account = users.findByUsername(name).orElse(null);
        String role = account != null ? account.role : identity.getRoles().stream().findFirst().orElse(null);
        actor = new Actor(name, role, account != null ? account.unitCode : null, ip);
      }
    }
    return actor;
  }
}

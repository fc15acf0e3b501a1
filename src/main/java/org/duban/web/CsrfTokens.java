package org.duban.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.identity.CurrentActor;
import org.duban.platform.Keys;
import org.duban.platform.ProblemException;

/**
 * Anti-CSRF tokens for the staff forms (synchronizer token, stateless): the HMAC of the page
 * session's identifier under the session key, so a token is good for one session only and every
 * replica agrees. A form post without the right token is refused with 403 before anything runs;
 * the session cookie is SameSite=Strict besides, and StaffGate refuses cross-site writes.
 */
@ApplicationScoped
public class CsrfTokens {

  private final Keys keys;
  private final CurrentActor actor;

  public CsrfTokens(Keys keys, CurrentActor actor) {
    this.keys = keys;
    this.actor = actor;
  }

  /** The token of the current page session (empty outside one). */
  public String token() {
    String session = actor.session();
    return session == null ? "" : keys.sessionMac("csrf", session);
  }

  /** 403 unless the form carried the current session's token. */
  public void require(String token) {
    String session = actor.session();
    if (session == null || !Keys.same(keys.sessionMac("csrf", session), token)) {
      throw ProblemException.forbidden("The form is missing its security token (or it is not yours): reload the page and send it again.");
    }
  }
}

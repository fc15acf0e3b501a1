package org.duban.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A page session cookie to check (SessionIdentityProvider). */
public class SessionRequest extends BaseAuthenticationRequest {
  private final String cookie;

  public SessionRequest(String cookie) {
    this.cookie = cookie;
  }

  public String cookie() {
    return cookie;
  }
}

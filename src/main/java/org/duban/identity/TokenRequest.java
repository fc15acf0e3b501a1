package org.duban.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal API token (duban_...) to check (TokenIdentityProvider). */
public class TokenRequest extends BaseAuthenticationRequest {
  private final String token;

  public TokenRequest(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}

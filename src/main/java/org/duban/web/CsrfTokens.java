package org.duban.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.duban.platform.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Anti-CSRF tokens for the staff forms (synchronizer token, stateless): HMAC-SHA256 of the user
 * name under a key derived from the session encryption key (so every replica agrees), or a random
 * key per start without one, like the sessions themselves. A form post without the right token is
 * refused with 403 before anything runs; the session cookie is SameSite=Strict besides.
 */
@ApplicationScoped
public class CsrfTokens {

  private final byte[] key;

  public CsrfTokens(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
    if (sessionKey.isPresent() && !sessionKey.get().isBlank()) {
      try {
        key = MessageDigest.getInstance("SHA-256").digest(("duban-csrf:" + sessionKey.get()).getBytes(StandardCharsets.UTF_8));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    } else {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    }
  }

  public String tokenFor(String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 403 unless the form carried this user's token. */
  public void require(String username, String token) {
    if (token == null || !MessageDigest.isEqual(tokenFor(username).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw ProblemException.forbidden("The form is missing its security token (or it is not yours): reload the page and send it again.");
    }
  }
}

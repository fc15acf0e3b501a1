package org.duban.support;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** What an authenticator app shows for a secret: the code of the current 30-second step, or of another. */
public final class Totp {
  private Totp() {}

  public static String code(String base32Secret) {
    return code(base32Secret, 0);
  }

  /** The code {@code offset} steps from now (1: the next one, for a second code within the same step). */
  public static String code(String base32Secret, int offset) {
    try {
      long step = Instant.now().getEpochSecond() / 30 + offset;
      return new HmacOneTimePasswordGenerator(6)
          .generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(base32Secret), "RAW"), step, Locale.ROOT);
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}

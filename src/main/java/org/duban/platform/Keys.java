package org.duban.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The two secrets the app holds and the database does not: the session key (signs session cookies
 * and the forms' anti-CSRF tokens) and the audit key (keys the audit trail's checkpoints). Each
 * comes from its setting, checked by {@link SecretPolicy}; in demo mode without one, it is derived
 * from the demo password (so every demo instance agrees); in embedded mode, {@link DubanMain} has
 * made and kept one beside the data directory. Otherwise the app does not start.
 */
@ApplicationScoped
public class Keys {

  private static final Logger LOG = Logger.getLogger(Keys.class);

  private final byte[] session;
  private final byte[] audit;
  private final String auditKeyId;

  public Keys(
      TrackerConfig config,
      @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey,
      @ConfigProperty(name = DubanMain.EMBEDDED_ACTIVE, defaultValue = "false") boolean embedded) {
    boolean demo = config.demo().enabled();
    boolean relaxed = demo || embedded;
    String s = resolve(SecretPolicy.SESSION_KEY, sessionKey, relaxed, config, "session");
    String a = resolve(SecretPolicy.AUDIT_KEY, config.audit().key(), relaxed, config, "audit");
    this.session = digest("duban-session-key:" + s);
    this.audit = digest("duban-audit-key:" + a);
    this.auditKeyId = HexFormat.of().formatHex(digest("duban-audit-key-id:" + a)).substring(0, 16);
  }

  private static String resolve(String setting, Optional<String> given, boolean relaxed, TrackerConfig config, String purpose) {
    String value = given.filter(v -> !v.isBlank()).orElse(null);
    Optional<String> problem = SecretPolicy.problem(setting, value, !relaxed);
    if (problem.isPresent()) {
      throw new IllegalStateException(problem.get());
    }
    if (value != null) {
      return value;
    }
    // demo mode (embedded mode always brings its own, from DubanMain)
    String demoPassword = config.demo().password().orElse("");
    LOG.warnf("Demo mode: %s is not set; the %s key is derived from the demo password", setting, purpose);
    return "demo:" + purpose + ":" + demoPassword;
  }

  /** Fails the start at once, not at the first request that needs a key. */
  void check(@Observes @Priority(0) StartupEvent event) {
    LOG.debugf("keys ready (audit key id %s)", auditKeyId);
  }

  /** HMAC-SHA256 under the session key, Base64url without padding. */
  public String sessionMac(String purpose, String data) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(session, purpose, data));
  }

  /** HMAC-SHA256 under the audit key, in hex. */
  public String auditMac(String data) {
    return HexFormat.of().formatHex(hmac(audit, "audit-checkpoint", data));
  }

  /** Names the audit key without revealing it: checkpoints made under another key are told apart. */
  public String auditKeyId() {
    return auditKeyId;
  }

  private static byte[] hmac(byte[] key, String purpose, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two MACs. */
  public static boolean same(String a, String b) {
    return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

package org.duban.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a secret setting must be before Duban starts: present (outside demo and embedded mode), 32
 * or more characters, and not a value anyone can read in Duban's repository (an example, a
 * placeholder, a test value: their SHA-256 are listed in {@code security/published-secrets.txt}).
 * Each refusal is one sentence that says what to do. Used twice: by {@link DubanMain} before
 * Quarkus starts, and by {@link Keys} inside the app (the tests, other launchers).
 */
public final class SecretPolicy {

  public static final int MIN_LENGTH = 32;
  public static final String SESSION_KEY = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";
  public static final String AUDIT_KEY = "TRACKER_AUDIT_KEY";
  private static final String HOW = "generate one with: openssl rand -base64 48";
  private static final Set<String> PUBLISHED = load();

  private SecretPolicy() {}

  /**
   * The sentence that refuses this value, or empty when it will do.
   *
   * @param setting the environment variable's name, as the operator knows it
   * @param required false in demo and embedded mode, where Duban makes its own key when none is given
   */
  public static Optional<String> problem(String setting, String value, boolean required) {
    if (value == null || value.isBlank()) {
      return required
          ? Optional.of(setting + " is not set: outside demo and embedded mode Duban needs it, " + MIN_LENGTH
              + " or more random characters, the same on every replica (" + HOW + ").")
          : Optional.empty();
    }
    if (value.length() < MIN_LENGTH) {
      return Optional.of(setting + " is shorter than " + MIN_LENGTH + " characters: " + HOW + ".");
    }
    if (published(value)) {
      return Optional.of(setting + " is a value published in Duban's repository, which anyone can read: " + HOW + ".");
    }
    return Optional.empty();
  }

  /** Whether the value is one published in the repository (or an obvious placeholder). */
  public static boolean published(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.contains("change-me") || lower.contains("changeme") || lower.contains("replace-me")) {
      return true;
    }
    return PUBLISHED.contains(sha256(value));
  }

  public static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> load() {
    Set<String> hashes = new HashSet<>();
    try (InputStream in = SecretPolicy.class.getClassLoader().getResourceAsStream("security/published-secrets.txt")) {
      if (in == null) {
        throw new IllegalStateException("security/published-secrets.txt is missing from the application");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          hashes.add(l.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Set.copyOf(hashes);
  }
}

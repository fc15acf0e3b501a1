package org.duban.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Embedded mode's own secrets: a session key and an audit key that the operator did not give are
 * made once, at random, and kept in a file beside the data directory (owner-only), never in the
 * database. Keys the operator gives win, and are checked like any other.
 */
final class EmbeddedSecrets {

  private EmbeddedSecrets() {}

  static Path file(Path dataDirectory) {
    Path abs = dataDirectory.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + "-secrets.properties");
  }

  static void provide(Path dataDirectory, Properties settings) {
    String[][] keys = {
      {SecretPolicy.SESSION_KEY, "quarkus.http.auth.session.encryption-key"},
      {SecretPolicy.AUDIT_KEY, "tracker.audit.key"}
    };
    Path file = file(dataDirectory);
    Properties kept = new Properties();
    boolean changed = false;
    try {
      if (Files.isRegularFile(file)) {
        try (Reader in = Files.newBufferedReader(file)) {
          kept.load(in);
        }
      }
      for (String[] key : keys) {
        String given = DubanMain.setting(settings, key[0], key[1]);
        if (given != null && !given.isBlank()) {
          SecretPolicy.problem(key[0], given, false).ifPresent(p -> {
            throw new IllegalStateException(p);
          });
          continue;
        }
        String value = kept.getProperty(key[1]);
        if (value == null || value.length() < SecretPolicy.MIN_LENGTH) {
          byte[] random = new byte[48];
          new SecureRandom().nextBytes(random);
          value = Base64.getEncoder().encodeToString(random);
          kept.setProperty(key[1], value);
          changed = true;
        }
        System.setProperty(key[1], value);
      }
      if (changed) {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
          try {
            // owner-only from the first byte, not after
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          } catch (UnsupportedOperationException e) {
            Files.createFile(file);
          }
        }
        try (Writer out = Files.newBufferedWriter(file)) {
          kept.store(out, "Duban's embedded-mode keys: keep this file with the data directory, private, and out of the database");
        }
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the directory's own permissions apply
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not keep the embedded mode's keys in " + file + ": " + e.getMessage(), e);
    }
  }
}

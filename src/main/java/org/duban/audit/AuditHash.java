package org.duban.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The Java twin of the SQL function {@code duban_audit_hash} (V6), which the insert trigger uses:
 * SHA-256 over the fields joined by U+001F, the time as UTC text to the microsecond. Verification
 * uses this one, so a database owner who redefines the SQL function proves nothing;
 * {@code AuditHashTest} shows the two agree.
 */
public final class AuditHash {

  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditHash() {}

  public static String of(String prev, long id, Instant at, String actor, String role, String ip, String action, String target,
      String result, String detail) {
    String text = String.join("\u001f", prev, Long.toString(id), MICROS.format(at.truncatedTo(ChronoUnit.MICROS)), actor,
        role == null ? "" : role, ip == null ? "" : ip, action, target, result, detail == null ? "" : detail);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

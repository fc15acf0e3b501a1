package org.duban.platform;

import java.util.HashSet;
import java.util.Set;

/**
 * An If-Match header: absent, "*", or a list of strong entity tags {@code "<version>"}. Weak tags
 * never match (RFC 9110 uses strong comparison for If-Match).
 */
public final class Precondition {

  private static final Precondition ABSENT = new Precondition(false, false, Set.of());
  private final boolean present;
  private final boolean any;
  private final Set<Long> versions;

  private Precondition(boolean present, boolean any, Set<Long> versions) {
    this.present = present;
    this.any = any;
    this.versions = versions;
  }

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  public static Precondition ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return ABSENT;
    }
    if (header.trim().equals("*")) {
      return new Precondition(true, true, Set.of());
    }
    Set<Long> versions = new HashSet<>();
    for (String tag : header.split(",")) {
      String t = tag.trim();
      if (t.startsWith("\"") && t.endsWith("\"") && t.length() > 2) {
        try {
          versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
        } catch (NumberFormatException ignored) {
          // an entity tag we never issued: it matches nothing
        }
      }
    }
    return new Precondition(true, false, versions);
  }

  public boolean present() {
    return present;
  }

  /** Throws 412 unless the current version matches; passes when no If-Match was sent. */
  public void check(long currentVersion) {
    if (present && !any && !versions.contains(currentVersion)) {
      throw ProblemException.preconditionFailed();
    }
  }

  /** As {@link #check}, but If-Match is required (428 without). */
  public void require(long currentVersion) {
    if (!present) {
      throw ProblemException.preconditionRequired();
    }
    check(currentVersion);
  }
}

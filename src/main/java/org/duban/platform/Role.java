package org.duban.platform;

import java.util.Set;

/**
 * The roles of staff accounts; the public needs none. The three administrators cannot act for each
 * other (三员分立): ADMIN keeps units and business accounts, SECURITY the privileged accounts, locks
 * and resets, AUDITOR reads the audit trail.
 */
public enum Role {
  ADMIN,
  SECURITY,
  OFFICE,
  LEADER,
  REPORTER,
  AUDITOR;

  public static final String ADMIN_ = "ADMIN";
  public static final String SECURITY_ = "SECURITY";
  public static final String OFFICE_ = "OFFICE";
  public static final String LEADER_ = "LEADER";
  public static final String REPORTER_ = "REPORTER";
  public static final String AUDITOR_ = "AUDITOR";

  /** The accounts of the business: the system administrator keeps them. */
  public static final Set<Role> BUSINESS = Set.of(OFFICE, LEADER, REPORTER);

  /**
   * The account kinds an administrator of this role may create, reset and clear the second factor
   * of. Nobody administers its own kind (so nobody administers itself), and nobody administers a
   * security administrator: those come from TRACKER_BOOTSTRAP_SECURITY_PASSWORD only.
   */
  public Set<Role> administers() {
    return switch (this) {
      case ADMIN -> BUSINESS;
      case SECURITY -> Set.of(ADMIN, AUDITOR);
      default -> Set.of();
    };
  }

  /** The accounts a security administrator may lock and unlock: every kind but its own. */
  public boolean locks(Role target) {
    return this == SECURITY && target != SECURITY;
  }
}

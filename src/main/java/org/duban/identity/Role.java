package org.duban.identity;

/** The roles of staff accounts; the public needs none. */
public enum Role {
  ADMIN,
  OFFICE,
  LEADER,
  REPORTER,
  AUDITOR;

  public static final String ADMIN_ = "ADMIN";
  public static final String OFFICE_ = "OFFICE";
  public static final String LEADER_ = "LEADER";
  public static final String REPORTER_ = "REPORTER";
  public static final String AUDITOR_ = "AUDITOR";
}

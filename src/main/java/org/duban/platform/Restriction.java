package org.duban.platform;

/**
 * Signed in, but allowed only one thing first. An identity with a restriction has no role, so every
 * role-guarded endpoint answers 403 (with a sentence naming what to do, ProblemMappers) and the
 * pages send the user where the restriction is lifted.
 */
public enum Restriction {
  /** The password has expired or was reset: change it (POST /api/v1/me/password, /staff/password). */
  PASSWORD_CHANGE("/staff/password", "Your password has expired or was reset: change it first (POST /api/v1/me/password)."),
  /** An administrator (or a user who asked for it) has no second factor yet: enrol one. */
  ENROL_SECOND_FACTOR("/staff/account",
      "Your account signs in with a second factor and has none yet: enrol an authenticator (POST /api/v1/me/totp, or the account page)."),
  /** A password alone is not enough for this account: sign in with the code, or use an API token made after such a sign-in. */
  SECOND_FACTOR("/staff/account",
      "Your account needs a second factor: sign in on the login page with your authenticator's code, or use an API token created after such a sign-in (Authorization: Bearer duban_...).");

  /** The identity attribute that carries the restriction. */
  public static final String ATTRIBUTE = "duban.restriction";

  private final String page;
  private final String sentence;

  Restriction(String page, String sentence) {
    this.page = page;
    this.sentence = sentence;
  }

  /** The staff page where it is lifted. */
  public String page() {
    return page;
  }

  /** What to do, for the API's 403. */
  public String sentence() {
    return sentence;
  }
}

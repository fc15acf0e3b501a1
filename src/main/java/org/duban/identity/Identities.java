package org.duban.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Instant;
import org.duban.platform.Restriction;

/** The attributes Duban puts on a security identity, and their readers. */
public final class Identities {

  /** {@link AccessPolicy.Mechanism}: how the request proved who it is. */
  public static final String MECHANISM = "duban.mechanism";
  /** {@link AccountState}, when the provider read it already. */
  static final String ACCOUNT = "duban.account";
  /** Boolean: the session was made, or the token created, with a second factor. */
  public static final String TWO_FACTOR = "duban.two-factor";
  /** Instant: when the session or token was created. */
  static final String ISSUED_AT = "duban.issued-at";
  /** String: the SHA-256 of the page session's identifier. */
  public static final String SESSION = "duban.session";
  /** Long: the API token's id. */
  public static final String TOKEN_ID = "duban.token-id";

  private Identities() {}

  /** An identity as a provider makes it, before the access policy ({@link LoginGuard}) has looked. */
  static QuarkusSecurityIdentity.Builder unchecked(AccountState account, AccessPolicy.Mechanism m, boolean twoFactor, Instant issuedAt) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.username()))
        .addRole(account.role())
        .addAttribute(MECHANISM, m)
        .addAttribute(ACCOUNT, account)
        .addAttribute(TWO_FACTOR, twoFactor)
        .addAttribute(ISSUED_AT, issuedAt);
  }

  public static AccessPolicy.Mechanism mechanism(SecurityIdentity id) {
    return id == null ? null : id.getAttribute(MECHANISM);
  }

  public static Restriction restriction(SecurityIdentity id) {
    return id == null ? null : id.getAttribute(Restriction.ATTRIBUTE);
  }

  public static String session(SecurityIdentity id) {
    return id == null ? null : id.getAttribute(SESSION);
  }

  /** The account as read when the request was authenticated. */
  public static AccountState account(SecurityIdentity id) {
    return id == null ? null : id.getAttribute(ACCOUNT);
  }

  public static boolean twoFactor(SecurityIdentity id) {
    return id != null && Boolean.TRUE.equals(id.getAttribute(TWO_FACTOR));
  }
}

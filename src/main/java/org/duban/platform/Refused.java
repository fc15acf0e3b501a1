package org.duban.platform;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;

/**
 * A right credential refused by the access policy (a locked account, an ended session): it answers
 * exactly like a wrong password, but it is not one, so it is not counted as a failed sign-in. Marked
 * by an attribute of the (final) AuthenticationFailedException.
 */
public final class Refused {

  private static final String ATTRIBUTE = "duban.refused";

  private Refused() {}

  public static AuthenticationFailedException because(String reason) {
    return new AuthenticationFailedException(reason, Map.of(ATTRIBUTE, Boolean.TRUE));
  }

  public static boolean is(Throwable e) {
    return e instanceof AuthenticationFailedException a && Boolean.TRUE.equals(a.getAttribute(ATTRIBUTE));
  }
}

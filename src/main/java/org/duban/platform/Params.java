package org.duban.platform;

/** Parses query parameters so that a bad value is a 400 naming the parameter (not JAX-RS's 404). */
public final class Params {
  private Params() {}

  public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
      }
      throw ProblemException.invalid(name, "must be one of " + allowed);
    }
  }

  public static Boolean booleanOf(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ProblemException.invalid(name, "must be true or false");
    };
  }

  public static String textOf(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw ProblemException.invalid(name, "must be at most " + max + " characters");
    }
    return value;
  }

  /** A whole number from min to max, the fallback when absent; otherwise a 400 naming the parameter. */
  public static int wholeNumber(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the same answer as a number out of range
    }
    if (max == Integer.MAX_VALUE || max >= 1_000_000) {
      throw ProblemException.invalid(name, "must be a whole number from " + min);
    }
    throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
  }
}

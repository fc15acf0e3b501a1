package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least 12 characters (at most 128), from at least 3 of the 4 classes
 * (lower case, upper case, digits, others), not a common password (security/common-passwords.txt,
 * also with its leading and trailing digits and symbols taken off), not containing the user name.
 */
@ApplicationScoped
public class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;
  private final Set<String> common = new HashSet<>();

  public PasswordPolicy() {
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("security/common-passwords.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).forEach(common::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reasons the password is refused; empty when it is acceptable. */
  public List<String> problems(String username, String password) {
    List<String> out = new ArrayList<>();
    if (password == null || password.length() < MIN_LENGTH) {
      out.add("must be at least " + MIN_LENGTH + " characters");
      return out;
    }
    if (password.length() > MAX_LENGTH) {
      out.add("must be at most " + MAX_LENGTH + " characters");
      return out;
    }
    int classes = 0;
    classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    if (classes < 3) {
      out.add("must mix at least 3 of: lower-case letters, upper-case letters, digits, other characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    if (common.contains(lower) || common.contains(core) || common.contains(lower.replaceAll("[^\\p{L}\\p{N}]", ""))) {
      out.add("is too common");
    }
    if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
      out.add("must not contain the user name");
    }
    return out;
  }
}

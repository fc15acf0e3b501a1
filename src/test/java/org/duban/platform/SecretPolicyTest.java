package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No known secrets anywhere (issue 11, point 1), without the app: what a key must be, and that no
 * file of the repository assigns a secret setting a value the app would accept.
 */
@Tag("unit")
class SecretPolicyTest {

  static final String GOOD = "q3V9kT0yJm2Xw8Rb5Lc7Nd1Pf4Hg6Zs0Aa9Ee3Ii";

  @Test
  void aKeyMustBeThereOutsideDemoAndEmbeddedModeLongAndUnpublished() {
    assertThat(SecretPolicy.problem(SecretPolicy.SESSION_KEY, null, true)).get().asString()
        .startsWith("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not set").contains("openssl rand");
    assertThat(SecretPolicy.problem(SecretPolicy.SESSION_KEY, " ", false)).isEmpty();
    assertThat(SecretPolicy.problem(SecretPolicy.AUDIT_KEY, "short-but-random-91", false)).get().asString().contains("shorter than 32");
    // the values the Kubernetes base and the examples used to publish
    for (String published : List.of("change-me-to-32-or-more-random-characters", "Change-Me-At-Once-2021-and-then-some-more",
        "please-replace-me-with-32-random-characters")) {
      assertThat(SecretPolicy.problem(SecretPolicy.SESSION_KEY, published, false)).as(published).get().asString().contains("published");
    }
    assertThat(SecretPolicy.problem(SecretPolicy.SESSION_KEY, GOOD, true)).isEmpty();
    // each refusal is one sentence
    assertThat(SecretPolicy.problem(SecretPolicy.AUDIT_KEY, "x", true).orElseThrow()).doesNotContain("\n").endsWith(".");
  }

  /** Settings whose values are secrets, as a file of the repository may assign them. */
  static final Pattern ASSIGNMENT = Pattern.compile(
      "(QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY|TRACKER_AUDIT_KEY|quarkus\\.http\\.auth\\.session\\.encryption-key|tracker\\.audit\\.key)"
          + "\\s*[:=]\\s*[\"']?([^\\s\"'$#]{8,})");

  @Test
  void everySecretValueInTheRepositoryIsOneTheAppRefuses() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    List<String> accepted = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).toString().matches("(target|data|\\.git|\\.mvn|node_modules)/.*"))
          .filter(p -> p.toString().matches(".*\\.(java|properties|ya?ml|md|sh|example|env|service|txt|conf|Dockerfile)$")
              || p.getFileName().toString().equals("Dockerfile"))
          .toList();
    }
    for (Path file : files) {
      Matcher m = ASSIGNMENT.matcher(Files.readString(file));
      while (m.find()) {
        String value = m.group(2);
        if (!SecretPolicy.published(value) && value.length() >= SecretPolicy.MIN_LENGTH) {
          accepted.add(root.relativize(file) + ": " + m.group(1) + "=" + value);
        }
      }
    }
    assertThat(accepted).as("secret values the app would accept, readable by anyone in the repository").isEmpty();
  }

  @Test
  void theKubernetesBaseShipsNoSecretValues() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("deploy", "kubernetes", "base"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        if (text.contains("kind: Secret")) {
          assertThat(text).as(f.toString()).doesNotContain("stringData:").doesNotContainPattern("(?m)^data:");
        }
      }
    }
  }
}

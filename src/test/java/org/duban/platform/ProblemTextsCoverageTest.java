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
 * Every English sentence written literally in src/main/java for a problem answer has a Chinese entry
 * in problems/zh.txt: the sentences given to ProblemException's factories and constructor, to a
 * field error, to the funnel's response, the catalogue's row and file errors, the password policy's
 * reasons, and constraint messages ({@code message = "..."}). A sentence built with variables is
 * checked with a sample in each variable's place ("X9"); the few built from a variable whose values
 * are literals elsewhere are listed in {@link #COMPOSED} and checked in ProblemTextsTest.
 */
@Tag("unit")
class ProblemTextsCoverageTest {

  static final String SAMPLE = "X9";

  /** A call whose arguments (by index; -1 the last) carry a sentence, in the files whose path ends with {@code file} ("" every file). */
  record Rule(String file, Pattern call, int... args) {}

  static final List<Rule> RULES = List.of(
      new Rule("", Pattern.compile("ProblemException\\.(notFound|conflict|forbidden)\\("), 0),
      new Rule("", Pattern.compile("ProblemException\\.invalid\\("), 1),
      new Rule("", Pattern.compile("new (org\\.duban\\.platform\\.)?ProblemException\\("), 1, 2),
      new Rule("", Pattern.compile("new (org\\.duban\\.platform\\.)?Problem\\.FieldError\\("), 1),
      new Rule("", Pattern.compile("\\bfileProblem\\("), 0),
      new Rule("", Pattern.compile("\\browError\\("), 2),
      new Rule("", Pattern.compile("ProblemTexts\\.in\\("), 1),
      new Rule("platform/ProblemMappers.java", Pattern.compile("\\bresponse\\("), 2, 3),
      new Rule("platform/RequestErrorMappers.java", Pattern.compile("\\bresponse\\("), 2, 3),
      new Rule("platform/SecurityRefusalMappers.java", Pattern.compile("\\bresponse\\("), 2, 3),
      new Rule("platform/PageRequest.java", Pattern.compile("\\bparse\\(\""), -1),
      new Rule("identity/PasswordPolicy.java", Pattern.compile("\\bout\\.add\\("), 0),
      new Rule("catalogue/CatalogueFormat.java", Pattern.compile("\\be\\.add\\("), 1),
      new Rule("catalogue/", Pattern.compile("new IllegalArgumentException\\("), 0));

  /** Sentences built from a variable whose values are literals elsewhere: file and a piece of the argument. */
  static final List<String[]> COMPOSED = List.of(
      new String[] {"identity/IdentityService.java", "\" may not \" + what"},
      new String[] {"platform/RequestErrorMappers.java", "\"must be \" + expected"},
      new String[] {"catalogue/CatalogueUnits.java", "did you mean"},
      new String[] {"measure/ItemScope.java", "\" may \" + what"}); // tasks-ui: a task's or a measure's, by the item

  static final Pattern MESSAGE = Pattern.compile("\\bmessage\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
  static final Pattern CANNOT = Pattern.compile("\\bcannot\\((\"(?:[^\"\\\\]|\\\\.)*\")\\)");
  static final Pattern REFUSAL_LAMBDA = Pattern.compile("\\w+ -> (?=\")");

  @Test
  void everyLiteralSentenceHasAChineseEntry() throws IOException {
    // another tree can be checked with -Dproblems.sources=<dir> (e.g. a branch about to be merged)
    Path root = Path.of(System.getProperty("problems.sources", "src/main/java"));
    List<String> missing = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        String src = Files.readString(file);
        for (Rule rule : RULES) {
          if (!name.contains(rule.file())) {
            continue;
          }
          Matcher m = rule.call().matcher(src);
          while (m.find()) {
            if (inComment(src, m.start())) {
              continue;
            }
            List<String> args = arguments(src, m.end());
            for (int index : rule.args()) {
              int i = index < 0 ? args.size() - 1 : index;
              if (i < 0 || i >= args.size() || !args.get(i).contains("\"") || composed(name, args.get(i))) {
                continue;
              }
              for (String sentence : variants(args.get(i))) {
                checked++;
                if (!ProblemTexts.known(sentence)) {
                  missing.add(name + ":" + line(src, m.start()) + ": " + sentence);
                }
              }
            }
          }
        }
        Matcher message = MESSAGE.matcher(src);
        while (message.find()) {
          checked++;
          String sentence = unquote(message.group(1));
          if (!ProblemTexts.known(sentence)) {
            missing.add(name + ":" + line(src, message.start()) + ": " + sentence);
          }
        }
        if (name.endsWith("measure/MeasureLifecycle.java")) {
          Matcher cannot = CANNOT.matcher(src);
          while (cannot.find()) {
            checked++;
            String sentence = "Measure J04 is IN_PROGRESS: you cannot " + unquote(cannot.group(1)) + " now.";
            // each step has its own Chinese, not the general shape's
            if (ProblemTexts.zh(sentence).contains("执行此操作")) {
              missing.add(name + ":" + line(src, cannot.start()) + ": " + sentence);
            }
          }
          Matcher lambda = REFUSAL_LAMBDA.matcher(src);
          while (lambda.find()) {
            for (String sentence : variants(arguments(src, lambda.end()).get(0))) {
              checked++;
              if (!ProblemTexts.known(sentence)) {
                missing.add(name + ":" + line(src, lambda.start()) + ": " + sentence);
              }
            }
          }
        }
      }
    }
    assertThat(checked).as("sentences found in the sources").isGreaterThan(100);
    assertThat(missing).as("English sentences without a Chinese entry in src/main/resources/problems/zh.txt").isEmpty();
  }

  @Test
  void theScannerReadsConcatenationsAndAlternatives() {
    assertThat(arguments("(\"a, b\", x(1, 2), \"c\" + d)", 1)).containsExactly("\"a, b\"", "x(1, 2)", "\"c\" + d");
    assertThat(variants("\"There is no measure \" + code + \".\"")).containsExactly("There is no measure X9.");
    assertThat(variants("\"a\" + (x ? \": b.\" : \".\")")).containsExactly("a: b.", "a.");
    assertThat(variants("\"say \\\"hi\\\"\"")).containsExactly("say \"hi\"");
  }

  static boolean composed(String file, String arg) {
    return COMPOSED.stream().anyMatch(c -> file.endsWith(c[0]) && arg.contains(c[1]));
  }

  static boolean inComment(String src, int at) {
    int lineStart = src.lastIndexOf('\n', at) + 1;
    String before = src.substring(lineStart, at).strip();
    return before.startsWith("//") || before.startsWith("*");
  }

  static int line(String src, int at) {
    return (int) src.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The arguments of a call whose opening parenthesis ends just before {@code from} (or the expression a lambda returns), as source text. */
  static List<String> arguments(String src, int from) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (int i = from; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(src, i);
        current.append(src, i, end);
        i = end - 1;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}' || c == ';' && depth == 0) {
        if (depth == 0) {
          if (!current.toString().isBlank()) {
            args.add(current.toString().strip());
          }
          return args;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    return args;
  }

  static int endOfLiteral(String src, int start) {
    char quote = src.charAt(start);
    for (int i = start + 1; i < src.length(); i++) {
      if (src.charAt(i) == '\\') {
        i++;
      } else if (src.charAt(i) == quote) {
        return i + 1;
      }
    }
    return src.length();
  }

  /**
   * The sentences an expression can make: literals as they read, any other operand of a {@code +} as
   * the sample, a parenthesised alternative ({@code c ? "x" : "y"}) as each of its literals.
   */
  static List<String> variants(String expression) {
    List<String> out = List.of("");
    for (String operand : operands(expression)) {
      List<String> choices;
      if (operand.startsWith("\"") && endOfLiteral(operand, 0) == operand.length()) {
        choices = List.of(unquote(operand));
      } else if (operand.startsWith("(") && operand.contains("?") && operand.contains("\"")) {
        choices = new ArrayList<>();
        for (int i = 0; i < operand.length(); i++) {
          if (operand.charAt(i) == '"') {
            int end = endOfLiteral(operand, i);
            choices.add(unquote(operand.substring(i, end)));
            i = end - 1;
          }
        }
      } else {
        choices = List.of(SAMPLE);
      }
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        for (String choice : choices) {
          next.add(prefix + choice);
        }
      }
      out = next;
    }
    return out;
  }

  /** The operands of the top-level {@code +} of an expression. */
  static List<String> operands(String expression) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(expression, i);
        current.append(expression, i, end);
        i = end - 1;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == '+' && depth == 0) {
        out.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    out.add(current.toString().strip());
    return out;
  }

  static String unquote(String literal) {
    String body = literal.substring(1, literal.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        switch (n) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(n);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

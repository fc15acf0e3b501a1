package org.duban.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of a problem answer, and its Chinese. Every sentence is built in English where the
 * refusal is (clients and tests rely on those texts); this floor translates a finished sentence by an
 * ordered table of English shapes → Chinese templates ({@code problems/zh.txt}: {@code {name}} is a
 * variable part, copied unchanged). One place for every caller: the API's funnel
 * ({@link ProblemMappers#response}) and the staff pages' refusals. A sentence with no entry stays
 * English.
 */
public final class ProblemTexts {

  /** The two languages problems are answered in. */
  public enum Language {
    EN("en"),
    ZH("zh-CN");

    private final String tag;

    Language(String tag) {
      this.tag = tag;
    }

    /** For Content-Language. */
    public String tag() {
      return tag;
    }
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
  private static final String SEPARATOR = " => ";
  private static final List<Entry> TABLE = load("problems/zh.txt");

  private ProblemTexts() {}

  /**
   * The language an Accept-Language header prefers: Chinese when a {@code zh} tag has the highest
   * weight among the tags we offer ({@code en}, {@code zh}; the first of equal weights), English
   * otherwise (no header, {@code *}, only other languages).
   */
  public static Language preferred(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Language.EN;
    }
    Language best = Language.EN;
    double bestQ = 0;
    for (String part : acceptLanguage.split(",")) {
      String[] pieces = part.split(";");
      String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].strip();
        if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
          try {
            q = Double.parseDouble(p.substring(2).strip());
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      Language l = primary(tag, "zh") ? Language.ZH : primary(tag, "en") ? Language.EN : null;
      if (l != null && q > bestQ) {
        best = l;
        bestQ = q;
      }
    }
    return best;
  }

  private static boolean primary(String tag, String language) {
    return tag.equals(language) || tag.startsWith(language + "-");
  }

  /** The sentence in the language: English as it is, Chinese by the table (English when no entry matches). */
  public static String in(Language language, String english) {
    return language == Language.ZH ? zh(english) : english;
  }

  /** The Chinese of an English sentence, or the sentence itself when the table has no entry for it. */
  public static String zh(String english) {
    if (english == null) {
      return null;
    }
    for (Entry e : TABLE) {
      Matcher m = e.english.matcher(english);
      if (m.matches()) {
        return e.fill(m);
      }
    }
    return english;
  }

  /** Whether the table has an entry for the sentence (for the tests that hold every sentence to one). */
  public static boolean known(String english) {
    return TABLE.stream().anyMatch(e -> e.english.matcher(english).matches());
  }

  /** The problem with its title, detail and each field's message in the language; status, type, fields, rows, columns unchanged. */
  public static Problem translate(Problem p, Language language) {
    if (language != Language.ZH) {
      return p;
    }
    List<Problem.FieldError> errors = p.errors() == null ? null
        : p.errors().stream().map(f -> new Problem.FieldError(f.field(), zh(f.message()), f.row(), f.column())).toList();
    return new Problem(p.type(), zh(p.title()), p.status(), zh(p.detail()), p.instance(), errors);
  }

  /** One line of the table: the English shape as a pattern, and the Chinese template. */
  private record Entry(Pattern english, List<String> names, String chinese) {

    String fill(Matcher m) {
      StringBuilder out = new StringBuilder();
      Matcher p = PLACEHOLDER.matcher(chinese);
      int at = 0;
      while (p.find()) {
        out.append(chinese, at, p.start());
        int group = names.indexOf(p.group(1));
        out.append(group < 0 ? p.group() : m.group(group + 1));
        at = p.end();
      }
      return out.append(chinese.substring(at)).toString();
    }
  }

  static Entry parse(String line) {
    int sep = line.indexOf(SEPARATOR);
    if (sep < 0) {
      throw new IllegalStateException("problems/zh.txt: no ' => ' in: " + line);
    }
    String english = line.substring(0, sep).strip();
    String chinese = line.substring(sep + SEPARATOR.length()).strip();
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    Matcher p = PLACEHOLDER.matcher(english);
    int at = 0;
    while (p.find()) {
      regex.append(Pattern.quote(english.substring(at, p.start()))).append("(.+?)");
      names.add(p.group(1));
      at = p.end();
    }
    regex.append(Pattern.quote(english.substring(at)));
    Matcher used = PLACEHOLDER.matcher(chinese);
    while (used.find()) {
      if (!names.contains(used.group(1))) {
        throw new IllegalStateException("problems/zh.txt: {" + used.group(1) + "} is not in the English of: " + line);
      }
    }
    return new Entry(Pattern.compile(regex.toString(), Pattern.DOTALL), names, chinese);
  }

  private static List<Entry> load(String resource) {
    ClassLoader loader = ProblemTexts.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      List<Entry> table = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          table.add(parse(line));
        }
      }
      return List.copyOf(table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

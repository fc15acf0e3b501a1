package org.duban.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.duban.measure.Area;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.MilestoneInput;
import org.duban.measure.dto.TargetInput;
import org.duban.platform.Problem;

/**
 * The catalogue file format (CSV or XLSX), one measure per row, headings in Chinese (English
 * keys accepted too). Several values in one cell go one per line; a milestone or target line
 * separates its parts with {@code |} (a {@code |} inside a part is written {@code \|}).
 *
 * <pre>
 * 编号 | 领域 | 事项 | 内容摘要 | 原文摘录 | 牵头单位 | 牵头单位系推定 | 配合单位 | 启动日期 | 承诺时限 | 节点 | 量化指标 | 假设说明 | 备注
 * </pre>
 *
 * 节点: {@code 截止日期 | 事项 | 完成日期 | 说明}; 量化指标: {@code 指标 | 目标值 | 单位 | 截止日期 | 实际值 | 说明}.
 *
 * <p>One class past 250 lines on purpose: it is the format, and each column's reading (with its
 * errors, named by row and column) sits beside its writing, so that export → import stays the
 * identity (CatalogueImportTest) and a change of a column is one place.
 */
public final class CatalogueFormat {

  private CatalogueFormat() {}

  /** The columns, in file order. */
  public enum Column {
    CODE("编号", "code", true),
    AREA("领域", "area", true),
    TITLE("事项", "title", true),
    SUMMARY("内容摘要", "summary", false),
    SOURCE_QUOTE("原文摘录", "sourceQuote", false),
    LEAD_UNIT("牵头单位", "leadUnit", true),
    LEAD_UNIT_INFERRED("牵头单位系推定", "leadUnitInferred", false),
    CO_UNITS("配合单位", "coUnits", false),
    START_DATE("启动日期", "startDate", true),
    DEADLINE("承诺时限", "deadline", true),
    MILESTONES("节点", "milestones", false),
    TARGETS("量化指标", "targets", false),
    ASSUMPTIONS("假设说明", "assumptions", false),
    NOTES("备注", "notes", false);

    public final String heading;
    public final String key;
    public final boolean required;

    Column(String heading, String key, boolean required) {
      this.heading = heading;
      this.key = key;
      this.required = required;
    }

    /** The column a heading names (Chinese heading or English key, case and spaces ignored). */
    static Column ofHeading(String text) {
      String t = text == null ? "" : text.replace("\ufeff", "").strip();
      for (Column c : values()) {
        if (c.heading.equals(t) || c.key.equalsIgnoreCase(t)) {
          return c;
        }
      }
      return null;
    }

    /** The column a field of CreateMeasureRequest (as Bean Validation names it) lives in. */
    static Column ofField(String path) {
      String head = path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
      head = head.contains(".") ? head.substring(0, head.indexOf('.')) : head;
      for (Column c : values()) {
        if (c.key.equals(head)) {
          return c;
        }
      }
      return null;
    }
  }

  public static List<String> headings() {
    return Arrays.stream(Column.values()).map(c -> c.heading).toList();
  }

  private static final Pattern PART = Pattern.compile("(?<!\\\\)[|｜]");
  private static final Pattern LIST = Pattern.compile("[、,，;；\\s\u3000]+");

  /** One data row of a file: its number as a spreadsheet shows it and the text of each cell. */
  public record RawRow(int number, Map<Column, String> cells) {
    String get(Column c) {
      String v = cells.get(c);
      return v == null ? "" : v.strip();
    }
  }

  /**
   * Turns a row into the request POST /measures takes, adding each problem found to errors: codes
   * NFKC-normalised (a code typed in full-width letters, {@code Ｊ０５}, is {@code J05}), units by code
   * or exact name ({@link CatalogueUnits}), dates in the forms of {@link CatalogueDates}.
   */
  static CreateMeasureRequest parse(RawRow row, CatalogueUnits units, List<Problem.FieldError> errors) {
    Errors e = new Errors(row.number(), errors);
    String code = nfkc(row.get(Column.CODE));
    Area area = e.take(Column.AREA, row.get(Column.AREA), CatalogueFormat::area);
    LocalDate start = e.take(Column.START_DATE, row.get(Column.START_DATE), CatalogueFormat::date);
    LocalDate deadline = e.take(Column.DEADLINE, row.get(Column.DEADLINE), CatalogueFormat::date);
    Boolean inferred = e.take(Column.LEAD_UNIT_INFERRED, row.get(Column.LEAD_UNIT_INFERRED), CatalogueFormat::yesNo);
    String lead = e.take(Column.LEAD_UNIT, row.get(Column.LEAD_UNIT), units::code);
    Set<String> coUnits = new LinkedHashSet<>(); // a unit named twice (by code and by name) is one co-unit
    for (String co : list(row.get(Column.CO_UNITS))) {
      String c = e.take(Column.CO_UNITS, co, units::code);
      if (c != null) {
        coUnits.add(c);
      }
    }
    List<MilestoneInput> milestones = new ArrayList<>();
    for (String line : lines(row.get(Column.MILESTONES))) {
      MilestoneInput m = e.take(Column.MILESTONES, line, CatalogueFormat::milestone);
      if (m != null) {
        milestones.add(m);
      }
    }
    List<TargetInput> targets = new ArrayList<>();
    for (String line : lines(row.get(Column.TARGETS))) {
      TargetInput t = e.take(Column.TARGETS, line, CatalogueFormat::target);
      if (t != null) {
        targets.add(t);
      }
    }
    for (Column c : Column.values()) {
      if (c.required && row.get(c).isEmpty()) {
        e.add(c, "is required");
      }
    }
    return new CreateMeasureRequest(
        code,
        area,
        row.get(Column.TITLE),
        row.get(Column.SUMMARY),
        row.get(Column.SOURCE_QUOTE),
        lead == null ? "" : lead,
        List.copyOf(coUnits),
        start,
        deadline,
        milestones,
        targets,
        inferred == null ? Boolean.FALSE : inferred,
        lines(row.get(Column.ASSUMPTIONS)),
        row.get(Column.NOTES));
  }

  /** The cells of a measure, in column order: what export writes and import reads back. */
  static List<String> cells(CreateMeasureRequest m) {
    List<String> out = new ArrayList<>();
    out.add(m.code());
    out.add(m.area().name());
    out.add(m.title());
    out.add(nz(m.summary()));
    out.add(nz(m.sourceQuote()));
    out.add(m.leadUnit());
    out.add(Boolean.TRUE.equals(m.leadUnitInferred()) ? "是" : "否");
    out.add(m.coUnits() == null ? "" : String.join("、", m.coUnits()));
    out.add(m.startDate().toString());
    out.add(m.deadline().toString());
    List<String> ms = new ArrayList<>();
    for (MilestoneInput mi : m.milestones()) {
      ms.add(milestoneLine(mi));
    }
    out.add(String.join("\n", ms));
    List<String> ts = new ArrayList<>();
    for (TargetInput t : m.targets()) {
      ts.add(targetLine(t));
    }
    out.add(String.join("\n", ts));
    out.add(m.assumptions() == null ? "" : String.join("\n", m.assumptions()));
    out.add(nz(m.notes()));
    return out;
  }

  // ---- cells ----

  static Area area(String cell) {
    String text = nfkc(cell);
    for (Area a : Area.values()) {
      if (a.name().equalsIgnoreCase(text) || a.nameZh.equals(text) || String.valueOf(a.codePrefix).equalsIgnoreCase(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException("must be BUSINESS, STABILITY or JUSTICE (or the area's Chinese name)");
  }

  static LocalDate date(String text) {
    return CatalogueDates.parse(text);
  }

  static Boolean yesNo(String text) {
    return switch (nfkc(text).toLowerCase(Locale.ROOT)) {
      case "是", "true", "yes", "y", "1" -> Boolean.TRUE;
      case "否", "false", "no", "n", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("must be 是 or 否");
    };
  }

  /** A milestone as one line of the cell ({@code 截止日期 | 事项 | 完成日期 | 说明}); the staff edit form uses it too. */
  public static String milestoneLine(MilestoneInput mi) {
    return joinParts(str(mi.dueDate()), mi.title(), str(mi.doneOn()), mi.assumption());
  }

  /** A target as one line of the cell ({@code 指标 | 目标值 | 单位 | 截止日期 | 实际值 | 说明}). */
  public static String targetLine(TargetInput t) {
    return joinParts(t.description(), num(t.targetValue()), t.unitLabel(), str(t.dueDate()), num(t.actualValue()), t.assumption());
  }

  /** One line of the milestones cell; IllegalArgumentException says what is wrong with it. */
  public static MilestoneInput milestone(String line) {
    List<String> p = parts(line, 4, "截止日期 | 事项 | 完成日期 | 说明");
    return new MilestoneInput(
        p.get(1), optional(p.get(0), CatalogueFormat::date), optional(p.get(2), CatalogueFormat::date), blankToNull(p.get(3)));
  }

  /** One line of the targets cell; IllegalArgumentException says what is wrong with it. */
  public static TargetInput target(String line) {
    List<String> p = parts(line, 6, "指标 | 目标值 | 单位 | 截止日期 | 实际值 | 说明");
    return new TargetInput(
        p.get(0),
        optional(p.get(1), CatalogueFormat::number),
        blankToNull(p.get(2)),
        optional(p.get(3), CatalogueFormat::date),
        optional(p.get(4), CatalogueFormat::number),
        blankToNull(p.get(5)));
  }

  static BigDecimal number(String cell) {
    String text = nfkc(cell);
    try {
      return new BigDecimal(text.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
  }

  private static List<String> parts(String line, int max, String shape) {
    String[] raw = PART.split(line, -1);
    if (raw.length > max) {
      throw new IllegalArgumentException("has more than " + max + " parts; write a line as: " + shape);
    }
    List<String> p = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      p.add(i < raw.length ? raw[i].replace("\\|", "|").replace("\\｜", "｜").strip() : "");
    }
    return p;
  }

  private static String joinParts(String... parts) {
    int last = parts.length - 1;
    while (last > 0 && (parts[last] == null || parts[last].isEmpty())) {
      last--;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i <= last; i++) {
      if (i > 0) {
        sb.append(" | ");
      }
      sb.append(nz(parts[i]).replace("|", "\\|").replace("｜", "\\｜"));
    }
    return sb.toString();
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> list(String text) {
    return text.isBlank() ? List.of() : Arrays.stream(LIST.split(text.strip())).filter(s -> !s.isEmpty()).toList();
  }

  private static <T> T optional(String text, Function<String, T> parse) {
    return text.isEmpty() ? null : parse.apply(text);
  }

  /** A code as typed (full-width letters and digits of a Chinese input method included) in its plain form. */
  static String nfkc(String text) {
    return CatalogueUnits.nfkc(text);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String num(BigDecimal n) {
    return n == null ? "" : n.stripTrailingZeros().toPlainString();
  }

  /** Collects the problems of one row. */
  private record Errors(int row, List<Problem.FieldError> errors) {
    void add(Column c, String message) {
      errors.add(new Problem.FieldError(c.key, message, row, c.heading));
    }

    <T> T take(Column c, String text, Function<String, T> parse) {
      if (text.isEmpty()) {
        return null;
      }
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException ex) {
        add(c, ex.getMessage());
        return null;
      }
    }
  }

  static final Map<Column, Integer> WIDTHS = new EnumMap<>(Column.class);

  static {
    for (Column c : Column.values()) {
      WIDTHS.put(c, switch (c) {
        case TITLE -> 40;
        case SUMMARY, SOURCE_QUOTE, MILESTONES, TARGETS, ASSUMPTIONS -> 60;
        case NOTES -> 30;
        default -> 12;
      });
    }
  }
}

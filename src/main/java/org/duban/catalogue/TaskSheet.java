package org.duban.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.duban.catalogue.CatalogueFiles.Line;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;
import org.duban.platform.SpreadsheetCells;

/**
 * The tasks sheet (CSV or XLSX): one task per row, headings {@code measure, region, unit, deadline,
 * targetShares} (the JSON names of a task; the Chinese 事项编号, 地区, 责任单位, 时限, 指标分解 are
 * read too). {@code targetShares}: the task's share of each of its measure's targets in their order,
 * separated by {@code |}, an empty part for no share, an empty cell for none at all.
 */
public final class TaskSheet {

  private TaskSheet() {}

  public enum Column {
    MEASURE("measure", "事项编号", 10),
    REGION("region", "地区", 10),
    UNIT("unit", "责任单位", 16),
    DEADLINE("deadline", "时限", 12),
    TARGET_SHARES("targetShares", "指标分解", 24);

    public final String key;
    final String chinese;
    final int width;

    Column(String key, String chinese, int width) {
      this.key = key;
      this.chinese = chinese;
      this.width = width;
    }

    static Column ofHeading(String text) {
      String t = CatalogueUnits.nfkc(text == null ? "" : text.replace("\ufeff", ""));
      for (Column c : values()) {
        if (c.key.equalsIgnoreCase(t) || c.chinese.equals(t)) {
          return c;
        }
      }
      return null;
    }

    /** The column a field of CreateTaskRequest (as a problem names it) lives in. */
    static Column ofField(String field) {
      String head = field == null ? "" : field.replaceAll("[\\[.].*$", "");
      for (Column c : values()) {
        if (c.key.equals(head)) {
          return c;
        }
      }
      return null;
    }
  }

  public static List<String> headings() {
    return Arrays.stream(Column.values()).map(c -> c.key).toList();
  }

  static int[] widths() {
    return Arrays.stream(Column.values()).mapToInt(c -> c.width).toArray();
  }

  /** One data row: its number as a spreadsheet shows it, and the cells as read (null: not parsed). */
  record TaskRow(int row, String measure, String region, String unit, LocalDate deadline, List<BigDecimal> shares) {}

  private static final Pattern PART = Pattern.compile("[|｜]");

  /** The rows of a file (blank rows skipped); every row's cell problems are added to errors. */
  static List<TaskRow> rows(List<Line> lines, List<Problem.FieldError> errors) {
    int first = 0;
    while (first < lines.size() && blank(lines.get(first).cells())) {
      first++;
    }
    if (first == lines.size()) {
      throw CatalogueFiles.fileProblem("The file is empty: the first row must hold the headings " + String.join(", ", headings()) + ".");
    }
    Line head = lines.get(first);
    Map<Integer, Column> columns = new java.util.HashMap<>();
    List<Problem.FieldError> headErrors = new ArrayList<>();
    for (int i = 0; i < head.cells().size(); i++) {
      String h = head.cells().get(i) == null ? "" : head.cells().get(i).strip();
      if (h.isEmpty()) {
        continue;
      }
      Column c = Column.ofHeading(h);
      if (c == null) {
        headErrors.add(new Problem.FieldError(null, "unknown heading '" + h + "'", head.number(), h));
      } else if (columns.containsValue(c)) {
        headErrors.add(new Problem.FieldError(c.key, "the heading appears twice", head.number(), h));
      } else {
        columns.put(i, c);
      }
    }
    for (Column c : Column.values()) {
      if (c != Column.TARGET_SHARES && !columns.containsValue(c)) {
        headErrors.add(new Problem.FieldError(c.key, "the required heading is missing", head.number(), c.key));
      }
    }
    if (!headErrors.isEmpty()) {
      throw new ProblemException(400, "Invalid catalogue file", "The heading row of the file is not right; nothing was imported.", headErrors);
    }
    List<TaskRow> rows = new ArrayList<>();
    for (int r = first + 1; r < lines.size(); r++) {
      Line line = lines.get(r);
      if (blank(line.cells())) {
        continue;
      }
      Map<Column, String> cells = new EnumMap<>(Column.class);
      for (int i = 0; i < line.cells().size(); i++) {
        Column c = columns.get(i);
        if (c != null) {
          cells.put(c, SpreadsheetCells.restore(line.cells().get(i) == null ? "" : line.cells().get(i)).strip());
        }
      }
      rows.add(parse(line.number(), cells, errors));
    }
    if (rows.isEmpty()) {
      throw CatalogueFiles.fileProblem("The file has headings but no task.");
    }
    return rows;
  }

  private static TaskRow parse(int row, Map<Column, String> cells, List<Problem.FieldError> errors) {
    for (Column c : Column.values()) {
      if (c != Column.TARGET_SHARES && cells.getOrDefault(c, "").isEmpty()) {
        errors.add(rowError(row, c, "is required"));
      }
    }
    LocalDate deadline = null;
    String d = cells.getOrDefault(Column.DEADLINE, "");
    if (!d.isEmpty()) {
      try {
        deadline = CatalogueDates.parse(d);
      } catch (IllegalArgumentException e) {
        errors.add(rowError(row, Column.DEADLINE, e.getMessage()));
      }
    }
    List<BigDecimal> shares = null;
    String s = cells.getOrDefault(Column.TARGET_SHARES, "");
    if (!s.isEmpty()) {
      try {
        shares = shares(s);
      } catch (IllegalArgumentException e) {
        errors.add(rowError(row, Column.TARGET_SHARES, e.getMessage()));
      }
    }
    return new TaskRow(row, CatalogueUnits.nfkc(cells.getOrDefault(Column.MEASURE, "")), CatalogueUnits.nfkc(cells.getOrDefault(Column.REGION, "")),
        cells.getOrDefault(Column.UNIT, ""), deadline, shares);
  }

  /** {@code 280 | | 3}: a share per target in order, an empty part for none; trailing empty parts dropped. */
  static List<BigDecimal> shares(String cell) {
    List<BigDecimal> out = new ArrayList<>();
    for (String part : PART.split(cell, -1)) {
      String p = part.strip();
      if (p.isEmpty()) {
        out.add(null);
        continue;
      }
      BigDecimal n = CatalogueFormat.number(p);
      if (n.signum() < 0) {
        throw new IllegalArgumentException("a share must not be negative");
      }
      out.add(n);
    }
    while (!out.isEmpty() && out.get(out.size() - 1) == null) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** The cells of a task in column order, as export writes them and import reads them back. */
  static List<String> cells(String measure, String region, String unit, LocalDate deadline, List<BigDecimal> shares) {
    List<String> parts = new ArrayList<>();
    for (BigDecimal b : shares) {
      parts.add(b == null ? "" : b.stripTrailingZeros().toPlainString());
    }
    while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return List.of(measure, region, unit, deadline.toString(), String.join(" | ", parts)).stream().map(SpreadsheetCells::neutralise).toList();
  }

  static Problem.FieldError rowError(int row, Column c, String message) {
    return new Problem.FieldError(c.key, message, row, c.key);
  }

  private static boolean blank(List<String> cells) {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }
}

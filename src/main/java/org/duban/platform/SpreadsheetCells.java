package org.duban.platform;

/**
 * Text cells that a spreadsheet would run as a formula, made harmless (OWASP, "CSV Injection"): a
 * cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading apostrophe, which Excel and LibreOffice read as "this is text". So that the rule can be
 * undone exactly, a cell that already starts with one or more apostrophes followed by one of those
 * characters gets one more apostrophe too; {@link #restore} takes exactly one away from such cells
 * and leaves every other cell alone. {@code restore(neutralise(s))} is {@code s} for every
 * {@code s}.
 *
 * <p>Every CSV the service writes goes through {@link #csvCell}. Workbooks (XLSX) need it only where
 * a file is read back: a string cell in a workbook is never evaluated, whatever it starts with.
 */
public final class SpreadsheetCells {

  private SpreadsheetCells() {}

  /** The text with a leading apostrophe if a spreadsheet would otherwise run it as a formula. */
  public static String neutralise(String text) {
    return needsApostrophe(text, 0) ? "'" + text : text;
  }

  /** Undoes {@link #neutralise}: one leading apostrophe less where neutralise would have added one. */
  public static String restore(String text) {
    return text != null && text.startsWith("'") && needsApostrophe(text, 1) ? text.substring(1) : text;
  }

  /** What a CSV writer prints for a value: text neutralised; numbers, booleans and null as they are. */
  public static Object csvCell(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return neutralise(value.toString());
  }

  /** Whether the text from {@code from} on is apostrophes (any number) followed by a trigger. */
  private static boolean needsApostrophe(String text, int from) {
    if (text == null) {
      return false;
    }
    int i = from;
    while (i < text.length() && text.charAt(i) == '\'') {
      i++;
    }
    return i < text.length() && isTrigger(text.charAt(i));
  }

  private static boolean isTrigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}

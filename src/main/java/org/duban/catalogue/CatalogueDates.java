package org.duban.catalogue;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a date cell of the catalogue reads: the forms an office's spreadsheet shows and saves, and a
 * row error, never a guess, for anything else.
 *
 * <p>Accepted, year first with four digits (after NFKC, so full-width digits and separators typed
 * with a Chinese input method read as their ASCII twins): {@code 2021-12-31}, {@code 2021/12/31},
 * {@code 2021.12.31} and the same without leading zeros ({@code 2021/6/30}, as Excel and WPS save a
 * date cell to CSV); {@code 2021年12月31日} and {@code 2021年6月30日} (the default Chinese display);
 * {@code 20211231} (eight digits); any of these followed by a midnight time ({@code 2021/6/30 0:00},
 * what a date-and-time cell saves as). An XLSX date cell arrives already as {@code yyyy-mm-dd}
 * ({@link XlsxSheetReader}).
 *
 * <p>Refused with a reason: a year that is not first or not four digits ({@code 6/30/2021},
 * {@code 30/6/2021}, {@code 21/6/30}: which part is the day is a guess), a day that does not exist
 * ({@code 2021/2/30}), a time other than midnight, a year without a day ({@code 2021年6月}).
 *
 * <p>An Excel serial number ({@code 44561}) in a cell that is not formatted as a date is refused
 * too, with a message that says it looks like one, which date it would be, and how to fix the cell.
 * Not accepted, because it is not unambiguous: the number means one day in Excel's usual 1900 date
 * system and another, four years later, in the 1904 system (old Mac workbooks), which a CSV does not
 * record; and the office's own sheet shows the number, not the date, so the import would store a
 * date nobody saw. Formatting the column as a date (设置单元格格式 → 日期) makes the same file import.
 */
final class CatalogueDates {

  private CatalogueDates() {}

  static final String FORMS = "2021-12-31, 2021/6/30 or 2021年6月30日";

  private static final String MIDNIGHT = "(?:\\s+0{1,2}:00(?::00)?)?";
  private static final Pattern NUMERIC = Pattern.compile("(\\d{4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})" + MIDNIGHT);
  private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日" + MIDNIGHT);
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern WITH_TIME = Pattern.compile(".*\\d\\s+\\d{1,2}:\\d{2}(?::\\d{2})?");
  private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(?:\\.\\d+)?");
  private static final Pattern YEAR_LAST = Pattern.compile("\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{2,4}");
  /** Excel's day 0 in the 1900 system, counting its fictitious 1900-02-29 (true for every serial past 60). */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  /** The date a cell holds; an IllegalArgumentException saying why not, in words the office can act on. */
  static LocalDate parse(String cell) {
    String text = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
    Matcher m;
    if ((m = NUMERIC.matcher(text)).matches()) {
      return of(text, m.group(1), m.group(3), m.group(4));
    }
    if ((m = CHINESE.matcher(text)).matches()) {
      return of(text, m.group(1), m.group(2), m.group(3));
    }
    if ((m = COMPACT.matcher(text)).matches()) {
      return of(text, m.group(1), m.group(2), m.group(3));
    }
    if (SERIAL.matcher(text).matches()) {
      throw new IllegalArgumentException(serial(text));
    }
    if (WITH_TIME.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + cell + "' has a time of day; give the date only, such as " + FORMS);
    }
    if (YEAR_LAST.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "'" + cell + "' is ambiguous: write the year first, with four digits, such as " + FORMS);
    }
    throw new IllegalArgumentException("'" + cell + "' is not a date; write it as " + FORMS + " (a date such as 2021-12-31)");
  }

  private static LocalDate of(String text, String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a day of the calendar; write a date such as 2021-12-31");
    }
  }

  private static String serial(String text) {
    double n = Double.parseDouble(text);
    if (n < 10_000 || n > 2_958_465) { // below 10000: before 1927, not a serial anyone means here
      return "'" + text + "' is a number, not a date; write it as " + FORMS;
    }
    LocalDate d = EXCEL_EPOCH.plusDays((long) Math.floor(n));
    return "'" + text + "' looks like an Excel serial date (" + d + " in Excel's usual 1900 date system) in a cell that is not"
        + " formatted as a date; format the cell as a date (设置单元格格式 → 日期) or type the date, such as " + FORMS;
  }
}

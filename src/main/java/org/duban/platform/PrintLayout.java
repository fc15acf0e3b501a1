package org.duban.platform;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a workbook sheet prints, as an office prints a 台账 for a meeting: a title row (merged across
 * the columns, with the as-of date), the heading row under it, each column as wide as Chinese text
 * needs, data cells wrapped and bordered, A4 landscape with every column on one page's width (as
 * many pages down as it takes), the heading row repeated on each page and frozen on screen, and
 * "第 X 页 共 Y 页" in the footer. Works on a streaming sheet: only the sheet's settings and the
 * workbook's few shared {@link Styles} are held, never its rows.
 */
public final class PrintLayout {

  /** The row of the title (0-based). */
  public static final int TITLE_ROW = 0;
  /** The heading row (0-based): the row repeated on each printed page. */
  public static final int HEADER_ROW = 1;
  /** The first data row (0-based). */
  public static final int FIRST_DATA_ROW = 2;
  /** The footer's page numbers (&P: this page, &N: the pages). */
  public static final String FOOTER = "第 &P 页 共 &N 页";

  private PrintLayout() {}

  /** "2021年10月1日", as a Chinese document writes a date. */
  public static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /**
   * The width of a column holding {@code chinese} Chinese characters (a Chinese character is about
   * two digits wide in the default font), in POI's units (1/256 of a digit), with a little padding.
   */
  public static int widthOfChinese(double chinese) {
    return (int) Math.min(255 * 256, Math.round((chinese * 2.2 + 1) * 256));
  }

  /**
   * Lays a sheet out for print: the column widths (in Chinese characters), the title in row 1 merged
   * over the columns, the headings in row 2; returns {@link #FIRST_DATA_ROW}, where the data starts.
   */
  public static int start(Sheet sheet, Styles styles, String title, List<String> headers, double... widthsInChinese) {
    for (int i = 0; i < widthsInChinese.length; i++) {
      sheet.setColumnWidth(i, widthOfChinese(widthsInChinese[i]));
    }
    Row titleRow = sheet.createRow(TITLE_ROW);
    titleRow.setHeightInPoints(32);
    for (int i = 0; i < headers.size(); i++) {
      titleRow.createCell(i).setCellStyle(styles.title);
    }
    titleRow.getCell(0).setCellValue(title);
    if (headers.size() > 1) {
      sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, headers.size() - 1));
    }
    Row header = sheet.createRow(HEADER_ROW);
    for (int i = 0; i < headers.size(); i++) {
      var cell = header.createCell(i);
      cell.setCellValue(headers.get(i));
      cell.setCellStyle(styles.header);
    }
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setHorizontallyCenter(true);
    sheet.setMargin(Sheet.LeftMargin, 0.4);
    sheet.setMargin(Sheet.RightMargin, 0.4);
    sheet.setMargin(Sheet.TopMargin, 0.6);
    sheet.setMargin(Sheet.BottomMargin, 0.7);
    sheet.setMargin(Sheet.HeaderMargin, 0.3);
    sheet.setMargin(Sheet.FooterMargin, 0.3);
    sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
    sheet.createFreezePane(0, FIRST_DATA_ROW);
    sheet.getFooter().setCenter(FOOTER);
    return FIRST_DATA_ROW;
  }

  /** The height of one line of text in a row (11 pt text; CJK fonts need a little more than 15 pt). */
  static final float LINE_POINTS = 15.5f;

  /**
   * Makes a written row tall enough for its wrapped text: LibreOffice keeps the default height of a
   * row whose height is not given (text on a second line would run under the next row), so a row
   * whose longest text needs more than one line gets the height of those lines. Estimated from the
   * column widths: a Chinese (wide) character is about 2.1 digits, any other about one.
   */
  public static void fitHeight(Row row) {
    Sheet sheet = row.getSheet();
    int lines = 1;
    for (var cell : row) {
      if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getCellStyle().getWrapText()) {
        lines = Math.max(lines, lines(cell.getStringCellValue(), sheet.getColumnWidth(cell.getColumnIndex())));
      }
    }
    if (lines > 1) {
      row.setHeightInPoints(Math.min(409, lines * LINE_POINTS + 2)); // 409 pt: the tallest row a sheet holds
    }
  }

  /** How many lines a text takes in a wrapped column {@code width} wide (POI units). */
  static int lines(String text, int width) {
    double room = Math.max(1, width / 256.0 - 1.2);
    int lines = 0;
    for (String paragraph : text.split("\n", -1)) {
      double used = 0;
      for (int i = 0; i < paragraph.length(); ) {
        int c = paragraph.codePointAt(i);
        used += wide(c) ? 2.1 : 1.0;
        i += Character.charCount(c);
      }
      lines += Math.max(1, (int) Math.ceil(used / room));
    }
    return lines;
  }

  private static boolean wide(int c) {
    return Character.isIdeographic(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2018 && c <= 0x201D);
  }

  /** The cell styles of the printed lists, made once per workbook (a workbook holds a bounded number of styles). */
  public static final class Styles {
    public final CellStyle title;
    public final CellStyle header;
    /** Text, left, wrapped, bordered. */
    public final CellStyle text;
    /** Short text (dates, states), centred, wrapped, bordered. */
    public final CellStyle centred;
    /** A line number: a whole number without separators (序号 12345). */
    public final CellStyle lineNumber;
    /** A count: a whole number with thousands separators (1,400). */
    public final CellStyle count;
    /** A share (0.7) shown as a percentage (70%). */
    public final CellStyle percent;
    /** Text under the table (notes), not bordered. */
    public final CellStyle note;
    private final Workbook book;
    private final Map<IndexedColors, CellStyle> fills = new EnumMap<>(IndexedColors.class);

    public Styles(Workbook book) {
      this.book = book;
      Font titleFont = book.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 16);
      title = book.createCellStyle();
      title.setFont(titleFont);
      title.setAlignment(HorizontalAlignment.CENTER);
      title.setVerticalAlignment(VerticalAlignment.CENTER);
      Font bold = book.createFont();
      bold.setBold(true);
      header = bordered(HorizontalAlignment.CENTER);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      text = bordered(HorizontalAlignment.LEFT);
      centred = bordered(HorizontalAlignment.CENTER);
      lineNumber = bordered(HorizontalAlignment.CENTER);
      lineNumber.setDataFormat(book.createDataFormat().getFormat("0"));
      count = bordered(HorizontalAlignment.RIGHT);
      count.setDataFormat(book.createDataFormat().getFormat("#,##0"));
      percent = bordered(HorizontalAlignment.RIGHT);
      percent.setDataFormat(book.createDataFormat().getFormat("0%"));
      note = book.createCellStyle();
    }

    /** Centred, bordered, filled with a colour (a light): one style per colour. */
    public CellStyle fill(IndexedColors color) {
      return fills.computeIfAbsent(color, c -> {
        CellStyle style = bordered(HorizontalAlignment.CENTER);
        style.setFillForegroundColor(c.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
      });
    }

    private CellStyle bordered(HorizontalAlignment alignment) {
      CellStyle style = book.createCellStyle();
      style.setWrapText(true);
      style.setAlignment(alignment);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      return style;
    }
  }
}

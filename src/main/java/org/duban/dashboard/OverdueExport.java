package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.dashboard.dto.OverdueRow;
import org.duban.measure.dto.UnitRef;
import org.duban.measure.Area;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.PrintLayout;
import org.duban.platform.SpreadsheetCells;

/**
 * The overdue report as CSV (UTF-8 with BOM, so Excel opens it) and as XLSX (streamed: at most 100
 * rows in memory), row by row from the database. CSV text cells that a spreadsheet would run as a
 * formula get an apostrophe ({@link SpreadsheetCells}); the workbook's string cells need none, since
 * Excel never evaluates a string cell.
 */
@ApplicationScoped
public class OverdueExport {

  static final List<String> HEADERS =
      List.of("序号", "事项编号", "领域", "事项", "牵头单位", "配合单位", "承诺时限", "当前时限", "逾期天数", "状态", "完成比例",
          "最近报送日期", "最近报送摘要", "延期次数", "类型", "地区");

  /** The workbook's title, before the as-of date. */
  static final String TITLE = "政法为民36件实事逾期事项清单";
  /** The columns (in HEADERS) the workbook writes otherwise than the CSV: in Chinese, as a percentage. */
  private static final int AREA = 2;
  private static final int STATUS = 9;
  private static final int PROGRESS = 10;
  /** The columns of long text, left-aligned (the others are centred). */
  private static final java.util.Set<Integer> LONG_TEXT = java.util.Set.of(3, 4, 5, 12, 15);

  private final DashboardService service;
  private final BusinessCalendar calendar;

  public OverdueExport(DashboardService service, BusinessCalendar calendar) {
    this.service = service;
    this.calendar = calendar;
  }

  public void csv(OutputStream out) throws IOException {
    csv(OverdueFilter.ALL, out);
  }

  public void xlsx(OutputStream out) throws IOException {
    xlsx(OverdueFilter.ALL, out);
  }

  /** The report narrowed and ordered by the filter, as CSV. */
  public void csv(OverdueFilter filter, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\ufeff');
    try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(HEADERS.toArray(String[]::new)).get())) {
      int[] n = {0};
      service.eachOverdue(filter,
          r -> {
            try {
              csv.printRecord(cells(++n[0], r).stream().map(SpreadsheetCells::csvCell).toList());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  /**
   * The report narrowed and ordered by the filter, as a workbook that prints as a document
   * ({@link PrintLayout}): title row with the as-of date, headings in row 2; 领域 and 状态 in Chinese,
   * 完成比例 as a percentage (0.8 shown 80%), counts as whole numbers.
   */
  public void xlsx(OverdueFilter filter, OutputStream out) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      PrintLayout.Styles styles = new PrintLayout.Styles(book);
      SXSSFSheet sheet = book.createSheet("逾期事项");
      // widths in Chinese characters, in the order of HEADERS; long texts wrap instead of running under the next column
      PrintLayout.start(sheet, styles, TITLE + "（截至" + PrintLayout.chineseDate(calendar.today()) + "）", HEADERS,
          3.5, 6, 6, 16, 7, 8, 5.5, 5.5, 4, 4, 4, 6, 14, 4, 2.5, 5);
      int[] n = {0};
      service.eachOverdue(filter,
          r -> {
            Row row = sheet.createRow(PrintLayout.FIRST_DATA_ROW + n[0]);
            List<Object> cells = cells(++n[0], r);
            for (int i = 0; i < cells.size(); i++) {
              Object v = cells.get(i);
              var cell = row.createCell(i);
              if (i == PROGRESS) {
                cell.setCellValue(r.progress() / 100.0);
                cell.setCellStyle(styles.percent);
              } else if (v instanceof Number num) {
                cell.setCellValue(num.doubleValue());
                cell.setCellStyle(i == 0 ? styles.lineNumber : styles.count);
              } else {
                String text = v == null ? "" : v.toString();
                if (i == AREA) {
                  text = Area.valueOf(r.area()).nameZh;
                } else if (i == STATUS) {
                  text = LedgerExport.STATUS.getOrDefault(r.status(), r.status());
                }
                cell.setCellValue(text);
                cell.setCellStyle(LONG_TEXT.contains(i) ? styles.text : styles.centred);
              }
            }
            PrintLayout.fitHeight(row);
          });
      book.write(out);
    }
  }

  static List<Object> cells(int n, OverdueRow r) {
    return java.util.Arrays.asList(
        n, r.code(), r.area(), r.title(), r.leadUnit().name(),
        r.coUnits().stream().map(UnitRef::name).collect(Collectors.joining("、")),
        r.committedDeadline().toString(), r.deadline().toString(), r.overdueDays(), r.status(), r.progress(),
        r.lastReportAt() == null ? null : r.lastReportAt().toString().substring(0, 10),
        r.lastReportSummary(), r.postponements(), switch (r.kind()) { case "TASK" -> "任务"; case "RECTIFICATION" -> "整改事项"; default -> "事项"; }, r.region().name());
  }
}

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

  private final DashboardService service;

  public OverdueExport(DashboardService service) {
    this.service = service;
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

  /** The report narrowed and ordered by the filter, as a workbook. */
  public void xlsx(OverdueFilter filter, OutputStream out) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      SXSSFSheet sheet = book.createSheet("逾期事项");
      // widths in characters, in the order of HEADERS; long texts wrap instead of running under the next column
      org.duban.platform.PrintLayout.apply(sheet, 5, 9, 10, 36, 14, 20, 11, 11, 8, 12, 8, 12, 36, 8, 6, 10);
      org.apache.poi.ss.usermodel.CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
      }
      int[] n = {0};
      service.eachOverdue(filter,
          r -> {
            Row row = sheet.createRow(++n[0]);
            List<Object> cells = cells(n[0], r);
            for (int i = 0; i < cells.size(); i++) {
              Object v = cells.get(i);
              if (v instanceof Number num) {
                row.createCell(i).setCellValue(num.doubleValue());
              } else if (v != null) {
                var cell = row.createCell(i);
                cell.setCellValue(v.toString());
                cell.setCellStyle(wrap);
              }
            }
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
        r.lastReportSummary(), r.postponements(), "TASK".equals(r.kind()) ? "任务" : "事项", r.region().name());
  }
}

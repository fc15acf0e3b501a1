package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.measure.Area;
import org.duban.platform.BusinessCalendar;

/**
 * The progress ledger (工作推进台账) as supervision offices keep it: a summary sheet, then one sheet
 * per area with 序号, 领域, 事项, 牵头单位, 配合单位, 承诺时限, 当前时限, 进展情况, 完成比例, 状态, 亮灯
 * (cell coloured), 最近报送. Streamed: at most 100 rows per sheet in memory. Text goes into string
 * cells, which Excel never evaluates, so a title starting with {@code =} needs no apostrophe here
 * (unlike the CSV files, see {@code SpreadsheetCells}).
 */
@ApplicationScoped
public class LedgerExport {

  static final List<String> HEADERS =
      List.of("序号", "领域", "事项", "牵头单位", "配合单位", "承诺时限", "当前时限", "进展情况", "完成比例", "状态", "亮灯", "最近报送");
  /** The tasks sheet (任务台账): one line per local task, by region (the tree's order) then measure. */
  static final String TASK_SHEET = "任务台账";
  static final List<String> TASK_HEADERS =
      List.of("序号", "地区", "事项", "任务编号", "责任单位", "承诺时限", "当前时限", "完成比例", "状态", "亮灯", "最近报送");
  static final Map<String, String> STATUS =
      Map.of("NOT_STARTED", "未启动", "IN_PROGRESS", "推进中", "CLAIMED_DONE", "申请销号", "VERIFIED", "已销号", "SUSPENDED", "暂缓");
  static final Map<String, String> LIGHT = Map.of("GREEN", "绿灯", "YELLOW", "黄灯", "RED", "红灯", "CLOSED", "已销号");

  private final DashboardService service;
  private final BusinessCalendar calendar;

  public LedgerExport(DashboardService service, BusinessCalendar calendar) {
    this.service = service;
    this.calendar = calendar;
  }

  /** The ledger of today, or with {@code round} as it stood when that round closed. */
  public void xlsx(DashboardService.KeptRound round, OutputStream out) throws IOException {
    xlsx(round, RegionScope.Scope.WHOLE, out);
  }

  /**
   * The same within a region and below: the area sheets keep the measures (which sit at the
   * province, so a city's or county's are empty), the last sheet 任务台账 the tasks there.
   */
  public void xlsx(DashboardService.KeptRound round, RegionScope.Scope scope, OutputStream out) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
      Map<String, CellStyle> lightStyles = new LinkedHashMap<>();
      lightStyles.put("RED", fill(book, IndexedColors.RED));
      lightStyles.put("YELLOW", fill(book, IndexedColors.YELLOW));
      lightStyles.put("GREEN", fill(book, IndexedColors.BRIGHT_GREEN));
      lightStyles.put("CLOSED", fill(book, IndexedColors.GREY_25_PERCENT));
      SXSSFSheet summary = book.createSheet("汇总");
      Map<Area, SXSSFSheet> sheets = new EnumMap<>(Area.class);
      for (Area a : Area.values()) {
        SXSSFSheet sheet = book.createSheet(a.nameZh);
        // widths in characters, in the order of HEADERS
        org.duban.platform.PrintLayout.apply(sheet, 5, 16, 40, 14, 20, 11, 11, 40, 8, 10, 8, 11);
        Row header = sheet.createRow(0);
        for (int i = 0; i < HEADERS.size(); i++) {
          header.createCell(i).setCellValue(HEADERS.get(i));
        }
        sheets.put(a, sheet);
      }
      Map<Area, int[]> counts = new EnumMap<>(Area.class); // rows, red, yellow, green, closed
      for (Area a : Area.values()) {
        counts.put(a, new int[5]);
      }
      ZoneId zone = calendar.zone();
      service.eachLedgerRow(
          round,
          scope,
          r -> {
            Area area = Area.valueOf(r.area());
            int[] c = counts.get(area);
            int n = ++c[0];
            c[switch (r.light()) { case "RED" -> 1; case "YELLOW" -> 2; case "GREEN" -> 3; default -> 4; }]++;
            Row row = sheets.get(area).createRow(n);
            row.createCell(0).setCellValue(n);
            row.createCell(1).setCellValue(area.nameZh);
            row.createCell(2).setCellValue(r.code() + " " + r.title());
            row.getCell(2).setCellStyle(wrap);
            row.createCell(3).setCellValue(r.lead());
            row.createCell(4).setCellValue(r.coUnits() == null ? "" : r.coUnits());
            row.createCell(5).setCellValue(r.committedDeadline().toString());
            row.createCell(6).setCellValue(r.deadline().toString());
            row.createCell(7).setCellValue(r.progressText() == null ? "" : r.progressText());
            row.getCell(7).setCellStyle(wrap);
            row.createCell(8).setCellValue(r.progress() / 100.0);
            row.createCell(9).setCellValue(STATUS.getOrDefault(r.status(), r.status()));
            var light = row.createCell(10);
            light.setCellValue(LIGHT.getOrDefault(r.light(), r.light()));
            light.setCellStyle(lightStyles.get(r.light()));
            row.createCell(11).setCellValue(r.lastReportAt() == null ? "" : r.lastReportAt().atZone(zone).toLocalDate().toString());
          });
      SXSSFSheet tasks = book.createSheet(TASK_SHEET);
      org.duban.platform.PrintLayout.apply(tasks, 5, 10, 10, 16, 20, 11, 11, 8, 10, 8, 11);
      Row taskHeader = tasks.createRow(0);
      for (int i = 0; i < TASK_HEADERS.size(); i++) {
        taskHeader.createCell(i).setCellValue(TASK_HEADERS.get(i));
      }
      int[] taskLines = {0};
      service.eachLedgerTask(
          round,
          scope,
          r -> {
            int n = ++taskLines[0];
            Row row = tasks.createRow(n);
            row.createCell(0).setCellValue(n);
            row.createCell(1).setCellValue(r.regionName());
            row.createCell(2).setCellValue(r.measure());
            row.createCell(3).setCellValue(r.code());
            row.createCell(4).setCellValue(r.unit());
            row.createCell(5).setCellValue(r.committedDeadline().toString());
            row.createCell(6).setCellValue(r.deadline().toString());
            row.createCell(7).setCellValue(r.progress() / 100.0);
            row.createCell(8).setCellValue(STATUS.getOrDefault(r.status(), r.status()));
            var light = row.createCell(9);
            light.setCellValue(LIGHT.getOrDefault(r.light(), r.light()));
            light.setCellStyle(lightStyles.get(r.light()));
            row.createCell(10).setCellValue(r.lastReportAt() == null ? "" : r.lastReportAt().atZone(zone).toLocalDate().toString());
          });
      Row head = summary.createRow(0);
      String[] cols = {"领域", "事项数", "红灯", "黄灯", "绿灯", "已销号"};
      for (int i = 0; i < cols.length; i++) {
        head.createCell(i).setCellValue(cols[i]);
      }
      int line = 1;
      int[] total = new int[5];
      for (Area a : Area.values()) {
        int[] c = counts.get(a);
        Row row = summary.createRow(line++);
        row.createCell(0).setCellValue(a.nameZh);
        for (int i = 0; i < 5; i++) {
          row.createCell(i + 1).setCellValue(c[i]);
          total[i] += c[i];
        }
      }
      Row sum = summary.createRow(line++);
      sum.createCell(0).setCellValue("合计");
      for (int i = 0; i < 5; i++) {
        sum.createCell(i + 1).setCellValue(total[i]);
      }
      Row taskSum = summary.createRow(line++);
      taskSum.createCell(0).setCellValue(TASK_SHEET);
      taskSum.createCell(1).setCellValue(taskLines[0]);
      if (scope.region() != null) {
        summary.createRow(line++).createCell(0).setCellValue("地区：" + scope.region().name + "（" + scope.region().code + "）及以下");
      }
      summary.createRow(line + 1).createCell(0).setCellValue(
          round == null
              ? "截至 " + calendar.today() + "（" + zone.getId() + "）"
              : round.code() + " 轮调度，截至 " + round.closesOn() + " 报送窗口关闭时");
      book.write(out);
    }
  }

  private static CellStyle fill(SXSSFWorkbook book, IndexedColors color) {
    CellStyle style = book.createCellStyle();
    style.setFillForegroundColor(color.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return style;
  }
}

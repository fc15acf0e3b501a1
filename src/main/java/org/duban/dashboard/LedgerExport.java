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
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.measure.Area;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.PrintLayout;

/**
 * The progress ledger (工作推进台账) as supervision offices keep it: a summary sheet, then one sheet
 * per area with 序号, 领域, 事项, 牵头单位, 配合单位, 承诺时限, 当前时限, 进展情况, 完成比例, 状态, 亮灯
 * (cell coloured), 最近报送, then 任务台账. Every sheet prints as a document ({@link PrintLayout}): a
 * title row with the as-of date, the headings in row 2, A4 landscape one page wide, page numbers.
 * Streamed: at most 100 rows per sheet in memory. Text goes into string
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
      List.of("序号", "地区", "事项", "任务编号", "责任单位", "承诺时限", "当前时限", "完成比例", "状态", "亮灯", "最近报送", "备注");
  static final List<String> SUMMARY_HEADERS = List.of("领域", "事项数", "红灯", "黄灯", "绿灯", "已销号");
  /** The title of every sheet, before the sheet's part and the as-of date. */
  static final String TITLE = "政法为民36件实事工作推进台账";
  /** The 备注 of a sample task (illustrative demo data, TRACKER_DEMO_SAMPLE_TASKS). */
  static final String SAMPLE = "示例数据";
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
      PrintLayout.Styles styles = new PrintLayout.Styles(book);
      Map<String, CellStyle> lightStyles = new LinkedHashMap<>();
      lightStyles.put("RED", styles.fill(IndexedColors.RED));
      lightStyles.put("YELLOW", styles.fill(IndexedColors.YELLOW));
      lightStyles.put("GREEN", styles.fill(IndexedColors.BRIGHT_GREEN));
      lightStyles.put("CLOSED", styles.fill(IndexedColors.GREY_25_PERCENT));
      String asOf = asOf(round, scope);
      SXSSFSheet summary = book.createSheet("汇总");
      Map<Area, SXSSFSheet> sheets = new EnumMap<>(Area.class);
      for (Area a : Area.values()) {
        SXSSFSheet sheet = book.createSheet(a.nameZh);
        // widths in Chinese characters, in the order of HEADERS
        PrintLayout.start(sheet, styles, TITLE + "·" + a.nameZh + asOf, HEADERS, 2.5, 6, 18, 7, 9, 5.5, 5.5, 16, 4, 4, 3.5, 5.5);
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
            Row row = sheets.get(area).createRow(PrintLayout.FIRST_DATA_ROW + n - 1);
            number(row, 0, n, styles.lineNumber);
            text(row, 1, area.nameZh, styles.centred);
            text(row, 2, r.code() + " " + r.title(), styles.text);
            text(row, 3, r.lead(), styles.text);
            text(row, 4, r.coUnits() == null ? "" : r.coUnits(), styles.text);
            text(row, 5, r.committedDeadline().toString(), styles.centred);
            text(row, 6, r.deadline().toString(), styles.centred);
            text(row, 7, r.progressText() == null ? "" : r.progressText(), styles.text);
            number(row, 8, r.progress() / 100.0, styles.percent);
            text(row, 9, STATUS.getOrDefault(r.status(), r.status()), styles.centred);
            text(row, 10, LIGHT.getOrDefault(r.light(), r.light()), lightStyles.getOrDefault(r.light(), styles.centred));
            text(row, 11, r.lastReportAt() == null ? "" : r.lastReportAt().atZone(zone).toLocalDate().toString(), styles.centred);
            PrintLayout.fitHeight(row);
          });
      SXSSFSheet tasks = book.createSheet(TASK_SHEET);
      PrintLayout.start(tasks, styles, TITLE + "·" + TASK_SHEET + asOf, TASK_HEADERS, 3.5, 8, 4, 7, 12, 5.5, 5.5, 4, 4, 3.5, 5.5, 5);
      int[] taskLines = {0};
      service.eachLedgerTask(
          round,
          scope,
          r -> {
            int n = ++taskLines[0];
            Row row = tasks.createRow(PrintLayout.FIRST_DATA_ROW + n - 1);
            number(row, 0, n, styles.lineNumber);
            text(row, 1, r.regionName(), styles.text);
            text(row, 2, r.measure(), styles.centred);
            text(row, 3, r.code(), styles.centred);
            text(row, 4, r.unit(), styles.text);
            text(row, 5, r.committedDeadline().toString(), styles.centred);
            text(row, 6, r.deadline().toString(), styles.centred);
            number(row, 7, r.progress() / 100.0, styles.percent);
            text(row, 8, STATUS.getOrDefault(r.status(), r.status()), styles.centred);
            text(row, 9, LIGHT.getOrDefault(r.light(), r.light()), lightStyles.getOrDefault(r.light(), styles.centred));
            text(row, 10, r.lastReportAt() == null ? "" : r.lastReportAt().atZone(zone).toLocalDate().toString(), styles.centred);
            text(row, 11, r.sample() ? SAMPLE : "", styles.centred);
            PrintLayout.fitHeight(row);
          });
      PrintLayout.start(summary, styles, TITLE + "·汇总" + asOf, SUMMARY_HEADERS, 12, 5, 4, 4, 4, 4);
      int line = PrintLayout.FIRST_DATA_ROW;
      int[] total = new int[5];
      for (Area a : Area.values()) {
        int[] c = counts.get(a);
        Row row = summary.createRow(line++);
        text(row, 0, a.nameZh, styles.text);
        for (int i = 0; i < 5; i++) {
          number(row, i + 1, c[i], styles.count);
          total[i] += c[i];
        }
      }
      Row sum = summary.createRow(line++);
      text(sum, 0, "合计", styles.centred);
      for (int i = 0; i < 5; i++) {
        number(sum, i + 1, total[i], styles.count);
      }
      Row taskSum = summary.createRow(line++);
      text(taskSum, 0, TASK_SHEET, styles.text);
      number(taskSum, 1, taskLines[0], styles.count);
      for (int i = 2; i < SUMMARY_HEADERS.size(); i++) {
        text(taskSum, i, "", styles.text);
      }
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

  private String asOf(DashboardService.KeptRound round, RegionScope.Scope scope) {
    return titleTail(round, scope.region() == null ? null : scope.region().name, calendar.today());
  }

  /**
   * The title's tail: the as-of date in Chinese ("（截至2021年10月1日）"), with the round of a kept
   * ledger ("（2021年6月调度，截至2021年6月30日报送窗口关闭时）") and the region of a narrowed one
   * ("（济南市及以下，截至……）").
   */
  static String titleTail(DashboardService.KeptRound round, String regionName, java.time.LocalDate today) {
    String region = regionName == null ? "" : regionName + "及以下，";
    if (round == null) {
      return "（" + region + "截至" + PrintLayout.chineseDate(today) + "）";
    }
    String[] ym = round.code().split("-");
    return "（" + region + ym[0] + "年" + Integer.parseInt(ym[1]) + "月调度，截至" + PrintLayout.chineseDate(round.closesOn()) + "报送窗口关闭时）";
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static void number(Row row, int column, double value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }
}

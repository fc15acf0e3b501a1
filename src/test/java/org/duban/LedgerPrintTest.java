package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger and the overdue report print as the documents (台账) an office keeps (issue 15, point
 * 6): every sheet has a title row with the as-of date, its headings in row 2 repeated on each page
 * and frozen, A4 landscape one page wide, "第 X 页 共 Y 页" in the footer, wrapped and bordered
 * cells, columns wide enough for Chinese, numbers shown as people write them (70%, 1,400); sample
 * tasks are marked 示例数据.
 */
@QuarkusTest
class LedgerPrintTest {

  static final String AS_OF = "截至2021年10月1日";

  String measure;
  String task;

  @BeforeEach
  void aMeasureWithALateSampleTaskOnTheFirstOfOctober() {
    TestClock.set("2021-10-01T02:00:00Z");
    String s = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String unit = "pr" + s;
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '青岛市市南区人民法院', '370200', now())", unit);
    measure = Api.newCode();
    as("office").body(Api.measureJson(measure, "fy", "[]")).post("/api/v1/measures").then().statusCode(201);
    task = as("office").body("{\"region\":\"370200\",\"unit\":\"" + unit + "\",\"deadline\":\"2021-09-30\"}")
        .post("/api/v1/measures/" + measure + "/tasks").then().statusCode(201).extract().path("code");
    Db.exec("update measure set sample = true where code = ?", task);
  }

  @AfterEach
  void backToNow() {
    TestClock.reset();
  }

  @Test
  void everySheetOfTheLedgerPrintsAsADocument() throws Exception {
    byte[] body = as("office").get("/api/v1/ledger.xlsx").then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      assertThat(book.getNumberOfSheets()).isGreaterThanOrEqualTo(5);
      for (Sheet sheet : book) {
        printsAsADocument(sheet, "政法为民36件实事工作推进台账");
      }
      // the area sheets: the title (事项) and progress (进展情况) columns are wide; 70% not 0.7
      Sheet area = book.getSheet("聚焦严格执法司法解民难");
      assertThat(area.getRow(0).getCell(0).getStringCellValue()).isEqualTo("政法为民36件实事工作推进台账·聚焦严格执法司法解民难（" + AS_OF + "）");
      assertThat(area.getColumnWidth(2)).isGreaterThan(30 * 256);
      assertThat(area.getColumnWidth(7)).isGreaterThan(30 * 256);
      assertThat(area.getColumnWidth(1)).as("领域 holds 聚焦严格执法司法解民难 on two lines").isGreaterThanOrEqualTo(12 * 256);
      Sheet business = book.getSheet("聚焦优化营商环境排民忧");
      Row first = business.getRow(2);
      assertThat(new DataFormatter().formatCellValue(first.getCell(8))).endsWith("%");
      assertThat(first.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
      // the tasks sheet: a title, 0% for a task not begun, the sample task marked
      Sheet tasks = book.getSheet("任务台账");
      assertThat(tasks.getRow(0).getCell(0).getStringCellValue()).isEqualTo("政法为民36件实事工作推进台账·任务台账（" + AS_OF + "）");
      assertThat(tasks.getRow(1).getCell(11).getStringCellValue()).isEqualTo("备注");
      Row line = null;
      for (Row row : tasks) {
        if (row.getRowNum() > 1 && task.equals(row.getCell(3).getStringCellValue())) {
          line = row;
        }
      }
      assertThat(line).isNotNull();
      assertThat(line.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(line.getCell(7).getNumericCellValue()).isZero();
      assertThat(new DataFormatter().formatCellValue(line.getCell(7))).isEqualTo("0%");
      assertThat(line.getCell(11).getStringCellValue()).isEqualTo("示例数据");
      assertThat(line.getCell(9).getStringCellValue()).isEqualTo("红灯");
      // the summary: counts as whole numbers with separators
      Sheet summary = book.getSheet("汇总");
      assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("领域");
      assertThat(summary.getRow(2).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
    }
    // a region's ledger says so in its title
    byte[] qd = as("office").get("/api/v1/ledger.xlsx?region=370200").then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(qd))) {
      assertThat(book.getSheet("任务台账").getRow(0).getCell(0).getStringCellValue()).contains("及以下，" + AS_OF);
    }
  }

  @Test
  void theOverdueWorkbookPrintsAsADocument() throws Exception {
    byte[] body = as("leader").get("/api/v1/overdue.xlsx").then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      Sheet sheet = book.getSheet("逾期事项");
      printsAsADocument(sheet, "政法为民36件实事逾期事项清单");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("政法为民36件实事逾期事项清单（" + AS_OF + "）");
      Row line = null;
      for (Row row : sheet) {
        if (row.getRowNum() > 1 && task.equals(row.getCell(1).getStringCellValue())) {
          line = row;
        }
      }
      assertThat(line).isNotNull();
      DataFormatter shown = new DataFormatter();
      assertThat(shown.formatCellValue(line.getCell(8))).isEqualTo("1"); // 逾期天数
      assertThat(line.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      assertThat(shown.formatCellValue(line.getCell(10))).isEqualTo("0%"); // 完成比例
      assertThat(line.getCell(2).getStringCellValue()).isEqualTo("聚焦严格执法司法解民难");
      assertThat(line.getCell(9).getStringCellValue()).isEqualTo("未启动");
      assertThat(sheet.getColumnWidth(3)).as("事项").isGreaterThan(30 * 256);
      assertThat(sheet.getColumnWidth(12)).as("最近报送摘要").isGreaterThan(25 * 256);
    }
  }

  /** The print setup, read back: what LibreOffice and Excel print by. */
  static void printsAsADocument(Sheet sheet, String titleStart) {
    String name = sheet.getSheetName();
    Row title = sheet.getRow(0);
    assertThat(title.getCell(0).getStringCellValue()).as(name).startsWith(titleStart).endsWith("（" + AS_OF + "）");
    Row header = sheet.getRow(1);
    int columns = header.getLastCellNum();
    assertThat(sheet.getMergedRegions()).as(name).contains(new CellRangeAddress(0, 0, 0, columns - 1));
    PrintSetup print = sheet.getPrintSetup();
    assertThat(print.getLandscape()).as(name).isTrue();
    assertThat(print.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
    assertThat(sheet.getFitToPage()).as(name).isTrue();
    assertThat(print.getFitWidth()).as(name).isEqualTo((short) 1);
    assertThat(print.getFitHeight()).as(name).isZero();
    assertThat(sheet.getRepeatingRows()).as(name).hasToString(new CellRangeAddress(1, 1, -1, -1).toString());
    assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
    assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).as(name).isEqualTo((short) 2);
    assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("第 &P 页 共 &N 页");
    for (int i = 0; i < columns; i++) {
      String heading = header.getCell(i).getStringCellValue();
      assertThat(sheet.getColumnWidth(i)).as(name + " " + heading + " is wide enough for its heading in Chinese")
          .isGreaterThanOrEqualTo((heading.length() * 2 + 1) * 256);
    }
    List<Row> rows = sheet.getLastRowNum() >= 2 ? List.of(header, sheet.getRow(2)) : List.of(header);
    for (Row row : rows) {
      for (Cell cell : row) {
        var style = cell.getCellStyle();
        assertThat(style.getWrapText()).as(name + " " + cell.getAddress() + " wraps").isTrue();
        assertThat(List.of(style.getBorderTop(), style.getBorderBottom(), style.getBorderLeft(), style.getBorderRight()))
            .as(name + " " + cell.getAddress() + " has borders").containsOnly(BorderStyle.THIN);
      }
    }
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.Api;
import org.duban.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leadership's dashboard and the overdue report in JSON, CSV and Excel. */
@QuarkusTest
class DashboardTest {

  @BeforeEach
  void now() {
    TestClock.reset();
  }

  /** A measure overdue since 2022-03-31 (postponed once), with a co-unit and an accepted report. */
  static String overdueMeasure() {
    String code = Api.createMeasure("sft", "jcy");
    int id = as("reporter-sft").body("{\"progress\":70,\"publicSummary\":\"已建成大部分调解中心\"}")
        .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id");
    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    as("office").body("{\"newDeadline\":\"2022-03-31\",\"reason\":\"疫情影响\"}").post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);
    return code;
  }

  @Test
  void theOverdueReportNamesDaysUnitsLastReportAndPostponements() {
    String code = overdueMeasure();
    long days = ChronoUnit.DAYS.between(LocalDate.of(2022, 3, 31), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    List<Map<String, Object>> rows = as("leader").queryParam("size", 100).get("/api/v1/overdue").then().statusCode(200).extract().jsonPath().getList("items");
    Map<String, Object> row = rows.stream().filter(r -> code.equals(r.get("code"))).findFirst().orElse(null);
    if (row == null) { // more than 100 overdue measures: page through
      JsonPath all = as("leader").queryParam("size", 100).queryParam("page", 1).get("/api/v1/overdue").then().extract().jsonPath();
      row = all.<Map<String, Object>>getList("items").stream().filter(r -> code.equals(r.get("code"))).findFirst().orElseThrow();
    }
    assertThat(((Number) row.get("overdueDays")).longValue()).isEqualTo(days);
    assertThat(((Map<?, ?>) row.get("leadUnit")).get("name")).isEqualTo("省司法厅");
    List<Object> coCodes = ((List<?>) row.get("coUnits")).stream().map(u -> ((Map<?, ?>) u).get("code")).map(Object.class::cast).toList();
    assertThat(coCodes).containsExactly("jcy");
    assertThat(row.get("lastReportSummary")).isEqualTo("已建成大部分调解中心");
    assertThat(row.get("lastReportAt")).isNotNull();
    assertThat(((Number) row.get("postponements")).intValue()).isEqualTo(1);
    assertThat(row.get("committedDeadline")).isEqualTo("2021-12-31");
    assertThat(row.get("deadline")).isEqualTo("2022-03-31");
    // longest overdue first
    List<Integer> order = rows.stream().map(r -> ((Number) r.get("overdueDays")).intValue()).toList();
    assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void theOverdueReportAsCsvOpensInExcel() {
    String code = overdueMeasure();
    byte[] body = as("office").get("/api/v1/overdue.csv").then().statusCode(200).contentType("text/csv").extract().asByteArray();
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\ufeff序号,事项编号,领域,事项,牵头单位,配合单位,承诺时限,当前时限,逾期天数");
    assertThat(text.lines().filter(l -> l.contains("," + code + ","))).singleElement()
        .satisfies(l -> assertThat(l).contains("省司法厅").contains("省检察院").contains("已建成大部分调解中心").endsWith(",1,事项,山东省"));
  }

  @Test
  void theOverdueCsvRunsNoFormulaInASpreadsheet() {
    String code = Api.newCode();
    as("office").body("""
        {"code":"%s","area":"JUSTICE","title":"=HYPERLINK(1) 逾期","leadUnit":"sft","startDate":"2021-05-14","deadline":"2021-12-31"}
        """.formatted(code)).post("/api/v1/measures").then().statusCode(201);
    int id = as("reporter-sft").body("{\"progress\":10,\"publicSummary\":\"@SUM(1) 报送摘要\"}")
        .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id");
    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    String text = new String(as("office").get("/api/v1/overdue.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    assertThat(text.lines().filter(l -> l.contains("," + code + ","))).singleElement()
        .satisfies(l -> assertThat(l).contains(",'=HYPERLINK(1) 逾期,").contains(",'@SUM(1) 报送摘要,").doesNotContain(",=", ",@"));
  }

  @Test
  void theOverdueReportAsXlsxReadsBack() throws Exception {
    String code = overdueMeasure();
    byte[] body = as("leader").get("/api/v1/overdue.xlsx").then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      Sheet sheet = book.getSheet("逾期事项");
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("事项编号"); // row 1 is the title
      printsOnePageWide(sheet, 3);
      Row found = null;
      for (Row row : sheet) {
        if (row.getRowNum() > 1 && code.equals(row.getCell(1).getStringCellValue())) {
          found = row;
        }
      }
      assertThat(found).isNotNull();
      assertThat(found.getCell(4).getStringCellValue()).isEqualTo("省司法厅");
      assertThat(found.getCell(7).getStringCellValue()).isEqualTo("2022-03-31");
      assertThat(found.getCell(13).getNumericCellValue()).isEqualTo(1.0);
    }
  }

  @Test
  void theDashboardCountsEveryMeasureOnceByAreaAndLight() {
    overdueMeasure();
    JsonPath d = as("leader").get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    long total = d.getLong("total");
    long cells = d.<Number>getList("byAreaAndLight.count").stream().mapToLong(Number::longValue).sum();
    assertThat(cells).isEqualTo(total);
    long publicTotal = anonymous().get("/api/v1/public/summary").then().extract().jsonPath().getLong("total");
    assertThat(total).isEqualTo(publicTotal);
    assertThat(d.getMap("byStatus").values().stream().mapToLong(v -> ((Number) v).longValue()).sum()).isEqualTo(total);
    assertThat(d.getList("overdue")).hasSizeLessThanOrEqualTo(20);
    assertThat(d.getLong("overdueTotal")).isEqualTo(as("leader").get("/api/v1/overdue").then().extract().jsonPath().getLong("total"));
  }

  @Test
  void theCachedDashboardFollowsEveryChangeAtOnce() throws Exception {
    long total = as("leader").get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath().getLong("total");
    assertThat(as("leader").get("/api/v1/dashboard").then().extract().jsonPath().getLong("total")).isEqualTo(total);
    String code = Api.createMeasure("fy");
    assertThat(as("leader").get("/api/v1/dashboard").then().extract().jsonPath().getLong("total")).isEqualTo(total + 1);
    // even a change made beside the application (SQL) is seen: the change stamp is drawn by a trigger
    long overdue = as("leader").get("/api/v1/dashboard").then().extract().jsonPath().getLong("overdueTotal");
    try (var c = org.duban.support.Db.connect(); var st = c.prepareStatement("update measure set status = 'VERIFIED' where code = ?")) {
      st.setString(1, code);
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    assertThat(as("leader").get("/api/v1/dashboard").then().extract().jsonPath().getLong("overdueTotal")).isEqualTo(overdue - 1);
  }

  @Test
  void onlyLeadershipAndTheOfficeSeeIt() {
    as("reporter-fy").get("/api/v1/dashboard").then().statusCode(403).contentType("application/problem+json");
    as("reporter-fy").get("/api/v1/overdue.csv").then().statusCode(403);
    as("auditor").get("/api/v1/overdue").then().statusCode(403);
    as("admin").get("/api/v1/dashboard").then().statusCode(403);
    anonymous().get("/api/v1/overdue.xlsx").then().statusCode(401);
    as("office").get("/api/v1/dashboard").then().statusCode(200);
  }

  /** As an office prints it: A4 landscape, every column on the page's width, the heading on each page. */
  static void printsOnePageWide(Sheet sheet, int titleColumn) {
    assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
    assertThat(sheet.getFitToPage()).isTrue();
    assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
    assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
    assertThat(sheet.getRepeatingRows()).hasToString(new org.apache.poi.ss.util.CellRangeAddress(1, 1, -1, -1).toString());
    assertThat(sheet.getColumnWidth(titleColumn)).as("the title column is wide").isGreaterThan(30 * 256);
  }

  @Test
  void theLedgerHasASummaryAndOneSheetPerAreaWithColouredLights() throws Exception {
    String code = overdueMeasure(); // JUSTICE, red
    byte[] body = as("leader").get("/api/v1/ledger.xlsx").then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      assertThat(book.getSheetName(0)).isEqualTo("汇总");
      Sheet justice = book.getSheet("聚焦严格执法司法解民难");
      assertThat(justice.getRow(1).getCell(10).getStringCellValue()).isEqualTo("亮灯");
      printsOnePageWide(justice, 2);
      Row found = null;
      for (Row row : justice) {
        if (row.getRowNum() > 1 && row.getCell(2).getStringCellValue().startsWith(code + " ")) {
          found = row;
        }
      }
      assertThat(found).isNotNull();
      assertThat(found.getCell(3).getStringCellValue()).isEqualTo("省司法厅");
      assertThat(found.getCell(4).getStringCellValue()).isEqualTo("省检察院");
      assertThat(found.getCell(5).getStringCellValue()).isEqualTo("2021-12-31");
      assertThat(found.getCell(6).getStringCellValue()).isEqualTo("2022-03-31");
      assertThat(found.getCell(7).getStringCellValue()).isEqualTo("已建成大部分调解中心");
      assertThat(found.getCell(8).getNumericCellValue()).isEqualTo(0.7);
      assertThat(found.getCell(10).getStringCellValue()).isEqualTo("红灯");
      assertThat(found.getCell(10).getCellStyle().getFillForegroundColor()).isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
      // the summary's total equals the catalogue
      Sheet summary = book.getSheet("汇总");
      long total = anonymous().get("/api/v1/public/summary").then().extract().jsonPath().getLong("total");
      assertThat((long) summary.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(total);
      assertThat(book.getSheet("聚焦优化营商环境排民忧").getRow(2).getCell(2).getStringCellValue()).startsWith("B01 ");
    }
    as("reporter-fy").get("/api/v1/ledger.xlsx").then().statusCode(403);
  }
}

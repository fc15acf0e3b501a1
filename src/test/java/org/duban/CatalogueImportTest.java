package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Workbooks;
import org.junit.jupiter.api.Test;

/** The office keeps the catalogue in Excel: import (CSV in UTF-8 or GBK, XLSX), export, all rows or none. */
@QuarkusTest
class CatalogueImportTest {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String HEAD = "编号,领域,事项,内容摘要,原文摘录,牵头单位,牵头单位系推定,配合单位,启动日期,承诺时限,节点,量化指标,假设说明,备注\r\n";

  static String row(String code, String title, String lead, String co, String deadline) {
    return code + ",JUSTICE," + title + ",为群众办实事,,\"" + lead + "\",否,\"" + co + "\",2021-05-14," + deadline
        + ",\"2021-09-30 | 出台规范\n2021-12-31 | 全面建成 | | 按省级规划\",\"调解中心 | 1400 | 个 | 2021-12-31\",\"假设一\",内部备注\r\n";
  }

  static Response importCsv(byte[] body, String contentType) {
    return as("office").contentType(contentType).body(body).post("/api/v1/measures/import");
  }

  @Test
  void aGbkFileFromChineseExcelCreatesThenUpdatesByCode() {
    String a = Api.newCode();
    String b = Api.newCode();
    String csv = HEAD + row(a, "建设一站式矛盾纠纷调解中心", "sft", "fy、jcy", "2021-12-31") + row(b, "推进执行难综合治理", "fy", "", "2022-06-30");
    // Chinese Excel saves "CSV" in GBK, without any charset label
    Response r = importCsv(csv.getBytes(Charset.forName("GBK")), "text/csv");
    r.then().log().ifValidationFails().statusCode(200);
    assertThat(r.jsonPath().getInt("created")).isEqualTo(2);
    Map<String, Object> m = as("office").get("/api/v1/measures/" + a).then().statusCode(200).extract().jsonPath().getMap("");
    assertThat(m.get("title")).isEqualTo("建设一站式矛盾纠纷调解中心");
    assertThat(((Map<?, ?>) m.get("leadUnit")).get("code")).isEqualTo("sft");
    assertThat(((List<?>) m.get("coUnits")).stream().map(u -> (Object) ((Map<?, ?>) u).get("code")).toList()).containsExactlyInAnyOrder((Object) "fy", "jcy");
    assertThat(m.get("committedDeadline")).isEqualTo("2021-12-31");
    List<Map<String, Object>> milestones = as("office").get("/api/v1/measures/" + a).then().extract().jsonPath().getList("milestones");
    assertThat(milestones).hasSize(2);
    assertThat(milestones.get(1).get("title")).isEqualTo("全面建成");
    assertThat(milestones.get(1).get("assumption")).isEqualTo("按省级规划");
    assertThat(as("office").get("/api/v1/measures/" + a).then().extract().jsonPath().getString("targets[0].unitLabel")).isEqualTo("个");

    // the same codes again with a new title (UTF-8 with BOM this time): updated, journaled, nothing created
    String changed = "\ufeff" + HEAD + row(a, "建设一站式矛盾纠纷调解中心（修订）", "sft", "fy、jcy", "2021-12-31") + row(b, "推进执行难综合治理", "fy", "", "2022-06-30");
    Response again = importCsv(changed.getBytes(StandardCharsets.UTF_8), "text/csv");
    again.then().statusCode(200);
    assertThat(again.jsonPath().getInt("created")).isZero();
    assertThat(again.jsonPath().getInt("updated")).isEqualTo(1);
    assertThat(again.jsonPath().getInt("unchanged")).isEqualTo(1);
    assertThat(as("office").get("/api/v1/measures/" + a + "/journal").then().extract().jsonPath().getList("items.field"))
        .contains("title");
  }

  @Test
  void aBadFileListsEachRowColumnAndReasonAndChangesNothing() {
    String good = Api.newCode();
    String csv = HEAD
        + row(good, "好的一行", "sft", "", "2021-12-31")
        + row("bad code", "坏编号", "sft", "", "2021-12-31")
        + row(Api.newCode(), "坏日期", "sft", "", "2021-13-45")
        + row(Api.newCode(), "没有的单位", "nosuchunit", "fy", "2021-12-31")
        + row(good, "重复", "sft", "", "2021-12-31");
    Map<String, Object> before = Db.snapshot();
    Response r = importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8");
    r.then().statusCode(400).contentType("application/problem+json");
    List<Map<String, Object>> errors = r.jsonPath().getList("errors");
    assertThat(errors).extracting(e -> e.get("row") + " " + e.get("column"))
        .contains("3 编号", "4 承诺时限", "5 牵头单位", "6 编号");
    assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
    assertThat(errors).noneMatch(e -> ((Integer) e.get("row")) == 2);
    assertThat(Db.snapshot()).isEqualTo(before);
    as("office").get("/api/v1/measures/" + good).then().statusCode(404);
  }

  @Test
  void theCommittedDeadlineMovesOnlyThroughAPostponement() {
    String code = Api.createMeasure("fy");
    String csv = HEAD + code + ",BUSINESS,标题,,,fy,否,,2021-05-14,2022-12-31,,,,\r\n";
    Map<String, Object> before = Db.snapshot();
    Response r = importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    r.then().statusCode(400);
    assertThat(r.jsonPath().getString("errors[0].column")).isEqualTo("承诺时限");
    assertThat(r.jsonPath().getString("errors[0].message")).contains("postponement");
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void aWrongHeadingOrAnUnreadableFileIsRefused() {
    Map<String, Object> before = Db.snapshot();
    Response r = importCsv("编号,领域,标题\r\nB99,BUSINESS,x\r\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    r.then().statusCode(400);
    assertThat(r.jsonPath().getList("errors.column")).contains("标题", "事项", "牵头单位", "启动日期", "承诺时限");
    importCsv("not a workbook".getBytes(StandardCharsets.UTF_8), XLSX).then().statusCode(400).contentType("application/problem+json");
    importCsv(new byte[0], "text/csv").then().statusCode(400);
    importCsv("{}".getBytes(StandardCharsets.UTF_8), "application/json").then().statusCode(415);
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void aDryRunSaysWhatWouldChangeAndWritesNothing() {
    String code = Api.newCode();
    Map<String, Object> before = Db.snapshot();
    Response r = as("office").contentType("text/csv").queryParam("dryRun", "true")
        .body((HEAD + row(code, "试运行", "sft", "", "2021-12-31")).getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/measures/import");
    r.then().statusCode(200);
    assertThat(r.jsonPath().getInt("created")).isEqualTo(1);
    assertThat(r.jsonPath().getBoolean("dryRun")).isTrue();
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  /** A measure whose title and summary a spreadsheet would run as formulas, were they written as they are. */
  static String formulaLikeMeasure(String title, String summary) {
    String code = Api.newCode();
    as("office").body("""
        {"code":"%s","area":"JUSTICE","title":"%s","summary":"%s","leadUnit":"fy","startDate":"2021-05-14","deadline":"2021-12-31"}
        """.formatted(code, title, summary)).post("/api/v1/measures").then().statusCode(201);
    return code;
  }

  @Test
  void exportThenImportChangesNothingInCsvAndInExcel() throws Exception {
    Api.createMeasure("gat", "sft");
    formulaLikeMeasure("=1+1 等号开头", "+1 加号开头的摘要");
    formulaLikeMeasure("-1 减号开头", "@SUM(1) 艾特开头的摘要");
    formulaLikeMeasure("'=1 撇号再等号", "''-1 两个撇号再减号");
    byte[] csv = as("office").get("/api/v1/measures/export.csv").then().statusCode(200)
        .contentType("text/csv; charset=UTF-8").extract().asByteArray();
    assertThat(new String(csv, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\ufeff");
    assertThat(new String(csv, StandardCharsets.UTF_8)).contains("J05", "方便人民群众就近诉讼");
    // nothing a spreadsheet would run: one apostrophe more before each formula-like text
    assertThat(new String(csv, StandardCharsets.UTF_8))
        .contains(",'=1+1 等号开头,'+1 加号开头的摘要,", ",'-1 减号开头,'@SUM(1) 艾特开头的摘要,", ",''=1 撇号再等号,'''-1 两个撇号再减号,")
        .doesNotContain(",=1+1", ",+1 ", ",-1 ", ",@SUM");
    Map<String, Object> before = Db.snapshot();
    Response r = importCsv(csv, "text/csv");
    r.then().statusCode(200);
    assertThat(r.jsonPath().getInt("created")).isZero();
    assertThat(r.jsonPath().getInt("updated")).isZero();
    assertThat(r.jsonPath().getInt("unchanged")).isEqualTo(r.jsonPath().getInt("rows"));
    assertMeasuresUnchanged(before);

    byte[] xlsx = as("office").get("/api/v1/measures/export.xlsx").then().statusCode(200).contentType(XLSX).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
      assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("承诺时限");
      assertThat(sheet.getLastRowNum()).isEqualTo(r.jsonPath().getInt("rows"));
      // the workbook carries the same text as the CSV, so that either imports back
      List<String> titles = new java.util.ArrayList<>();
      sheet.forEach(row -> titles.add(row.getCell(2).getStringCellValue()));
      assertThat(titles).contains("'=1+1 等号开头", "'-1 减号开头", "''=1 撇号再等号");
      // an office edits the workbook in Excel: a real date cell reads back as the date
      ByteArrayOutputStream edited = new ByteArrayOutputStream();
      book.write(edited);
      Response x = importCsv(edited.toByteArray(), XLSX);
      x.then().statusCode(200);
      assertThat(x.jsonPath().getInt("unchanged")).isEqualTo(x.jsonPath().getInt("rows"));
    }
    assertMeasuresUnchanged(before);
  }

  @Test
  void anImportedApostropheBeforeAFormulaComesOffAndOnlyThen() {
    String code = Api.newCode();
    String csv = HEAD + code + ",JUSTICE,'=1+1 撇号开头,'''-2 三个撇号,,fy,否,,2021-05-14,2021-12-31,,,,'备注不动\r\n";
    importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv").then().statusCode(200);
    Map<String, Object> m = as("office").get("/api/v1/measures/" + code).then().statusCode(200).extract().jsonPath().getMap("");
    assertThat(m.get("title")).isEqualTo("=1+1 撇号开头");
    assertThat(m.get("summary")).isEqualTo("''-2 三个撇号");
    assertThat(m.get("notes")).isEqualTo("'备注不动");
  }

  @Test
  void aZipBombIsRefusedBeforeItFillsTheMemoryAndChangesNothing() {
    byte[] bomb = Workbooks.zipBomb(300L * 1024 * 1024);
    assertThat(bomb.length).as("a few hundred KiB that unpack to 300 MiB").isLessThan(2 * 1024 * 1024);
    Map<String, Object> before = Db.snapshot();
    Response r = importCsv(bomb, XLSX);
    r.then().statusCode(400).contentType("application/problem+json");
    assertThat(r.jsonPath().getString("detail")).contains("zip bomb").contains("nothing was imported");
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void aValueBeyondColumnZIsRefusedWithItsRowAndColumn() {
    Map<String, Object> before = Db.snapshot();
    Response r = importCsv(Workbooks.valueIn("XFD2", "最后一列"), XLSX);
    r.then().statusCode(400).contentType("application/problem+json");
    assertThat(r.jsonPath().getString("detail")).contains("beyond column Z");
    assertThat(r.jsonPath().getInt("errors[0].row")).isEqualTo(2);
    assertThat(r.jsonPath().getString("errors[0].column")).isEqualTo("XFD");
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  /** The measures and their journal stay as they were (the import itself is journaled once). */
  private static void assertMeasuresUnchanged(Map<String, Object> before) {
    Map<String, Object> after = Db.snapshot();
    for (String key : List.of("measure", "measure-state", "measure_co_unit", "milestone", "target")) {
      assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
    }
  }

  // ---- the files offices keep (issue 13, point 4) ----

  /** A code as a Chinese input method types it in full-width mode: Ｔ０ＡＢ１ for T0AB1. */
  static String fullWidth(String code) {
    StringBuilder sb = new StringBuilder();
    code.chars().forEach(ch -> sb.append(ch > 0x20 && ch < 0x7f ? (char) (ch + 0xFEE0) : (char) ch));
    return sb.toString();
  }

  /** One row as Excel or WPS writes it to CSV: quotes only where a cell needs them, LF inside a cell, CRLF at the end. */
  static String excelRow(String... cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      sb.append(i == 0 ? "" : ",").append(c.matches("(?s).*[,\"\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
    }
    return sb.append("\r\n").toString();
  }

  @Test
  void aCatalogueSavedFromChineseExcelWithUnitNamesChineseDatesAndFullWidthCodesImports() {
    String code = Api.newCode();
    String csv = HEAD
        + excelRow(fullWidth(code), "聚焦严格执法司法解民难", "建设一站式矛盾纠纷调解中心", "为群众办实事", "", "省司法厅", "否", "省法院、jcy",
            "2021/6/30", "2021年12月31日", "2021/9/30 | 出台规范\n2021年12月31日 | 全面建成", "调解中心 | 136 | 个 | 2021年12月31日", "", "");
    byte[] gbk = csv.getBytes(Charset.forName("GBK"));
    assertThat(new String(gbk, Charset.forName("GBK"))).contains("\r\n").contains("Ｔ");

    Map<String, Object> before = Db.snapshot();
    Response dry = as("office").contentType("text/csv").queryParam("dryRun", "true").body(gbk).post("/api/v1/measures/import");
    dry.then().log().ifValidationFails().statusCode(200);
    assertThat(dry.jsonPath().getInt("created")).isEqualTo(1);
    assertThat(dry.jsonPath().getBoolean("dryRun")).isTrue();
    assertThat(Db.snapshot()).isEqualTo(before);
    as("office").get("/api/v1/measures/" + code).then().statusCode(404);

    Response real = importCsv(gbk, "text/csv");
    real.then().log().ifValidationFails().statusCode(200);
    assertThat(real.jsonPath().getInt("created")).isEqualTo(1);
    var m = as("office").get("/api/v1/measures/" + code).then().statusCode(200).extract().jsonPath();
    assertThat(m.getString("code")).isEqualTo(code);
    assertThat(m.getString("area")).isEqualTo("JUSTICE");
    assertThat(m.getString("leadUnit.code")).isEqualTo("sft");
    assertThat(m.getList("coUnits.code")).containsExactlyInAnyOrder("fy", "jcy");
    assertThat(m.getString("startDate")).isEqualTo("2021-06-30");
    assertThat(m.getString("committedDeadline")).isEqualTo("2021-12-31");
    assertThat(m.getString("deadline")).isEqualTo("2021-12-31");
    assertThat(m.getList("milestones.dueDate")).containsExactly("2021-09-30", "2021-12-31");
    assertThat(m.getList("milestones.title")).containsExactly("出台规范", "全面建成");
    assertThat(m.getString("targets[0].dueDate")).isEqualTo("2021-12-31");

    // the same file again: the measure is there and unchanged (the names and forms read the same every time)
    Response again = importCsv(gbk, "text/csv");
    again.then().statusCode(200);
    assertThat(again.jsonPath().getInt("unchanged")).isEqualTo(1);
  }

  @Test
  void aWorkbookWithTrueDateCellsImportsAndASerialNumberInAPlainCellIsARowError() throws Exception {
    String code = Api.newCode();
    String serial = Api.newCode();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("事项清单");
      List<String> headings = org.duban.catalogue.CatalogueFormat.headings();
      org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
      for (int i = 0; i < headings.size(); i++) {
        head.createCell(i).setCellValue(headings.get(i));
      }
      org.apache.poi.ss.usermodel.CellStyle slashes = book.createCellStyle();
      slashes.setDataFormat(book.createDataFormat().getFormat("yyyy/m/d;@"));
      org.apache.poi.ss.usermodel.CellStyle chinese = book.createCellStyle();
      chinese.setDataFormat((short) 31); // yyyy"年"m"月"d"日", built in, as a Chinese Excel saves it
      org.apache.poi.ss.usermodel.Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(code);
      row.createCell(1).setCellValue("BUSINESS");
      row.createCell(2).setCellValue("日期单元格");
      row.createCell(5).setCellValue("省法院");
      row.createCell(8).setCellValue(java.time.LocalDate.of(2021, 6, 30));
      row.getCell(8).setCellStyle(slashes);
      row.createCell(9).setCellValue(java.time.LocalDate.of(2021, 12, 31));
      row.getCell(9).setCellStyle(chinese);
      row.createCell(10).setCellValue("2021/9/30 | 出台规范");
      book.write(out);
      Response r = importCsv(out.toByteArray(), XLSX);
      r.then().log().ifValidationFails().statusCode(200);
      var m = as("office").get("/api/v1/measures/" + code).then().statusCode(200).extract().jsonPath();
      assertThat(m.getString("leadUnit.code")).isEqualTo("fy");
      assertThat(m.getString("startDate")).isEqualTo("2021-06-30");
      assertThat(m.getString("committedDeadline")).isEqualTo("2021-12-31");
      assertThat(m.getString("milestones[0].dueDate")).isEqualTo("2021-09-30");

      // a serial number in a cell not formatted as a date: a row error that says what it looks like
      org.apache.poi.ss.usermodel.Row plain = sheet.createRow(2);
      plain.createCell(0).setCellValue(serial);
      plain.createCell(1).setCellValue("BUSINESS");
      plain.createCell(2).setCellValue("序列号");
      plain.createCell(5).setCellValue("fy");
      plain.createCell(8).setCellValue(java.time.LocalDate.of(2021, 6, 30));
      plain.getCell(8).setCellStyle(slashes);
      plain.createCell(9).setCellValue(44561);
      out.reset();
      book.write(out);
    }
    Map<String, Object> before = Db.snapshot();
    Response bad = importCsv(out.toByteArray(), XLSX);
    bad.then().statusCode(400).contentType("application/problem+json");
    assertThat(bad.jsonPath().getList("errors", Map.class)).singleElement().satisfies(e -> {
      assertThat(e.get("row")).isEqualTo(3);
      assertThat(e.get("column")).isEqualTo("承诺时限");
      assertThat((String) e.get("message")).contains("looks like an Excel serial date", "2021-12-31", "format the cell as a date");
    });
    assertThat(Db.snapshot()).isEqualTo(before);
    as("office").get("/api/v1/measures/" + serial).then().statusCode(404);
  }

  @Test
  void anUnknownOrAmbiguousUnitNameAndAnAmbiguousDateAreRowErrorsWithTheirRowAndColumn() {
    String twin = "重名单位" + Api.newCode();
    for (String unit : List.of("a" + Api.newCode().toLowerCase(), "b" + Api.newCode().toLowerCase())) {
      as("admin").body("{\"code\":\"" + unit + "\",\"name\":\"" + twin + "\"}").post("/api/v1/units").then().statusCode(201);
    }
    String csv = HEAD
        + excelRow(Api.newCode(), "BUSINESS", "未知单位", "", "", "省高院", "否", "", "2021/6/30", "2021年12月31日", "", "", "", "")
        + excelRow(Api.newCode(), "BUSINESS", "模糊日期", "", "", "省法院", "否", "", "2021/6/30", "6/30/2021", "", "", "", "")
        + excelRow(Api.newCode(), "BUSINESS", "重名单位", "", "", "省法院", "否", twin, "2021/2/30", "2021年12月31日", "", "", "", "");
    Map<String, Object> before = Db.snapshot();
    Response r = importCsv(csv.getBytes(Charset.forName("GBK")), "text/csv");
    r.then().statusCode(400).contentType("application/problem+json");
    List<Map<String, Object>> errors = r.jsonPath().getList("errors");
    assertThat(errors).extracting(e -> e.get("row") + " " + e.get("column"))
        .containsExactlyInAnyOrder("2 牵头单位", "3 承诺时限", "4 配合单位", "4 启动日期");
    assertThat(errors).extracting(e -> (String) e.get("message"))
        .anyMatch(m -> m.contains("'省高院'"))
        .anyMatch(m -> m.contains("ambiguous") && m.contains("year first"))
        .anyMatch(m -> m.contains("more than one unit") && m.contains("code"))
        .anyMatch(m -> m.contains("not a day of the calendar"));
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void onlyTheOfficeImportsAndExports() {
    byte[] csv = (HEAD + row(Api.newCode(), "x", "sft", "", "2021-12-31")).getBytes(StandardCharsets.UTF_8);
    for (String user : List.of("leader", "reporter-sft", "admin", "auditor")) {
      as(user).contentType("text/csv").body(csv).post("/api/v1/measures/import").then().statusCode(403);
      as(user).get("/api/v1/measures/export.csv").then().statusCode(403);
    }
    Api.anonymous().contentType(ContentType.BINARY).get("/api/v1/measures/export.xlsx").then().statusCode(401);
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The office keeps the breakdown of measures into local tasks in a spreadsheet too (issue 14, point
 * 7): import (CSV in UTF-8 or GBK, XLSX), export, all rows or none, through the task rules.
 */
@QuarkusTest
class TaskImportTest {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String HEAD = "measure,region,unit,deadline,targetShares\r\n";

  String jnUnit;
  String qdUnit;
  String jnOffice;

  @BeforeEach
  void cityUnitsAndAccounts() {
    String s = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    jnUnit = "jn" + s;
    qdUnit = "qd" + s;
    Db.exec("insert into unit (code, name, region_code, parent_code, created_at) values (?, ?, '370100', 'fy', now())", jnUnit, "济南法院" + s);
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, ?, '370200', now())", qdUnit, "青岛法院" + s);
    jnOffice = Accounts.business("OFFICE");
    Db.exec("update app_user set region_code = '370100' where username = ?", jnOffice);
  }

  /** A measure with two targets (a count and days). */
  String measure() {
    String code = Api.newCode();
    String json = Api.measureJson(code, "fy", "[]").replace("\"deadline\":\"2021-12-31\"}",
        "\"deadline\":\"2021-12-31\",\"targets\":[{\"description\":\"互联网法庭\",\"targetValue\":1400,\"unitLabel\":\"处\"},"
            + "{\"description\":\"平均审核时间\",\"targetValue\":3,\"unitLabel\":\"天\",\"aggregation\":\"MEAN\"}]}");
    as("office").body(json).post("/api/v1/measures").then().statusCode(201);
    return code;
  }

  static Response importFile(String user, byte[] body, String type, boolean dryRun) {
    var r = as(user).contentType(type).body(body);
    if (dryRun) {
      r = r.queryParam("dryRun", "true");
    }
    return r.post("/api/v1/tasks/import");
  }

  static long tasksOf(String measure) {
    return Db.scalar("select count(*) from measure where kind = 'TASK' and root_id = (select id from measure where code = ?)", measure);
  }

  @Test
  void aCsvCreatesTasksThroughTheTaskRulesAndADryRunCountsExactlyButWritesNothing() {
    String m = measure();
    String csv = HEAD + m + ",370100," + jnUnit + ",2021-11-30,280 | 2\r\n" + m + ",370200," + qdUnit + ",2021/12/31,120\r\n";
    Map<String, Object> before = Db.snapshot();
    Response dry = importFile("office", csv.getBytes(StandardCharsets.UTF_8), "text/csv", true);
    dry.then().log().ifValidationFails().statusCode(200);
    assertThat(dry.jsonPath().getInt("rows")).isEqualTo(2);
    assertThat(dry.jsonPath().getInt("created")).isEqualTo(2);
    assertThat(dry.jsonPath().getBoolean("dryRun")).isTrue();
    assertThat(Db.snapshot()).isEqualTo(before);

    Response real = importFile("office", csv.getBytes(StandardCharsets.UTF_8), "text/csv", false);
    real.then().log().ifValidationFails().statusCode(200);
    assertThat(real.jsonPath().getInt("created")).isEqualTo(2);
    var t = as("office").get("/api/v1/tasks/" + m + "-370100").then().statusCode(200).extract().jsonPath();
    assertThat(t.getString("unit.code")).isEqualTo(jnUnit);
    assertThat(t.getString("deadline")).isEqualTo("2021-11-30");
    assertThat(t.getString("targets[0].targetValue")).isEqualTo("280");
    assertThat(t.getString("targets[1].targetValue")).isEqualTo("2");
    assertThat(Db.scalar("select count(*) from journal_entry where entity_key = ? and action = 'CREATE'", m + "-370200")).isPositive();

    // the same file again: nothing to do; a new share: one update
    Response again = importFile("office", csv.getBytes(StandardCharsets.UTF_8), "text/csv", false);
    assertThat(again.jsonPath().getInt("unchanged")).isEqualTo(2);
    String changed = HEAD + m + ",370100," + jnUnit + ",2021-11-30,300\r\n";
    Response upd = importFile("office", changed.getBytes(StandardCharsets.UTF_8), "text/csv", false);
    upd.then().statusCode(200);
    assertThat(upd.jsonPath().getInt("updated")).isEqualTo(1);
    t = as("office").get("/api/v1/tasks/" + m + "-370100").then().extract().jsonPath();
    assertThat(t.getString("targets[0].targetValue")).isEqualTo("300");
    assertThat(t.getString("targets[1].targetValue")).isNull();
  }

  @Test
  void aGbkFileWithChineseHeadingsAndRegionNamesImports() {
    String m = measure();
    String csv = "事项编号,地区,责任单位,时限,指标分解\r\n" + m + ",济南市," + jnUnit + ",2021年11月30日,\r\n";
    Response r = importFile("office", csv.getBytes(Charset.forName("GBK")), "text/csv", false);
    r.then().log().ifValidationFails().statusCode(200);
    assertThat(r.jsonPath().getInt("created")).isEqualTo(1);
    as("office").get("/api/v1/tasks/" + m + "-370100").then().statusCode(200);
  }

  @Test
  void anXlsxWorkbookImports() throws IOException {
    String m = measure();
    byte[] book;
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = wb.createSheet("任务");
      String[][] rows = {{"measure", "region", "unit", "deadline", "targetShares"}, {m, "370200", qdUnit, "2021-10-31", "100 | 4"}};
      for (int i = 0; i < rows.length; i++) {
        Row row = sheet.createRow(i);
        for (int j = 0; j < rows[i].length; j++) {
          row.createCell(j).setCellValue(rows[i][j]);
        }
      }
      wb.write(out);
      book = out.toByteArray();
    }
    Response r = importFile("office", book, XLSX, false);
    r.then().log().ifValidationFails().statusCode(200);
    assertThat(r.jsonPath().getInt("created")).isEqualTo(1);
    as("office").get("/api/v1/tasks/" + m + "-370200").then().statusCode(200)
        .body("targets[1].targetValue", org.hamcrest.Matchers.equalTo(4));
  }

  @Test
  void badRowsAre400WithEachRowAndColumnAndTheDatabaseIsUnchanged() {
    String m = measure();
    String csv = HEAD
        + m + ",370100," + jnUnit + ",2021-11-30,280\r\n"   // fine
        + "ZZ99,370200," + qdUnit + ",2021-11-30,\r\n"       // no such measure
        + m + ",370200," + jnUnit + ",2021-11-30,\r\n"       // a unit of another region
        + m + ",370300," + jnUnit + ",6/30/2021,1|2|3\r\n"   // an ambiguous date, three shares for two targets, unit elsewhere
        + m + ",370100," + jnUnit + ",2021-11-30,\r\n";      // the same region twice
    Map<String, Object> before = Db.snapshot();
    Response r = importFile("office", csv.getBytes(StandardCharsets.UTF_8), "text/csv", false);
    r.then().log().ifValidationFails().statusCode(400).contentType("application/problem+json");
    List<Map<String, Object>> errors = r.jsonPath().getList("errors");
    assertThat(errors).extracting(e -> e.get("row") + " " + e.get("column"))
        .contains("3 measure", "4 unit", "5 deadline", "5 targetShares", "6 region");
    assertThat(errors).allSatisfy(e -> assertThat(e.get("message")).isNotNull());
    assertThat(Db.snapshot()).isEqualTo(before);
    assertThat(tasksOf(m)).isZero();
  }

  @Test
  void anExistingTasksDeadlineMovesOnlyByPostponement() {
    String m = measure();
    importFile("office", (HEAD + m + ",370100," + jnUnit + ",2021-11-30,\r\n").getBytes(StandardCharsets.UTF_8), "text/csv", false)
        .then().statusCode(200);
    Response r = importFile("office", (HEAD + m + ",370100," + jnUnit + ",2021-10-31,\r\n").getBytes(StandardCharsets.UTF_8), "text/csv", false);
    r.then().statusCode(400);
    assertThat(r.jsonPath().getString("errors[0].column")).isEqualTo("deadline");
    assertThat(r.jsonPath().getString("errors[0].message")).contains("postponement");
  }

  @Test
  void aCityOfficeImportsAndExportsOnlyItsRegion() {
    String m = measure();
    Map<String, Object> before = Db.snapshot();
    Response r = importFile(jnOffice, (HEAD + m + ",370200," + qdUnit + ",2021-11-30,\r\n").getBytes(StandardCharsets.UTF_8), "text/csv", false);
    r.then().statusCode(400);
    assertThat(r.jsonPath().getString("errors[0].column")).isEqualTo("region");
    assertThat(r.jsonPath().getString("errors[0].message")).contains("outside your region");
    assertThat(Db.snapshot()).isEqualTo(before);

    importFile(jnOffice, (HEAD + m + ",370100," + jnUnit + ",2021-11-30,\r\n").getBytes(StandardCharsets.UTF_8), "text/csv", false)
        .then().statusCode(200);
    importFile("office", (HEAD + m + ",370200," + qdUnit + ",2021-11-30,\r\n").getBytes(StandardCharsets.UTF_8), "text/csv", false)
        .then().statusCode(200);
    String city = as(jnOffice).get("/api/v1/tasks/export.csv").then().statusCode(200).extract().asString();
    assertThat(city).contains(m + ",370100").doesNotContain(m + ",370200");
  }

  @Test
  void exportThenImportChangesNothing() throws IOException {
    String m = measure();
    importFile("office", (HEAD + m + ",370100," + jnUnit + ",2021-11-30,280 | 2.5\r\n" + m + ",370200," + qdUnit + ",2021-12-31,\r\n")
        .getBytes(StandardCharsets.UTF_8), "text/csv", false).then().statusCode(200);
    byte[] csv = as("office").get("/api/v1/tasks/export.csv").then().statusCode(200).contentType("text/csv").extract().asByteArray();
    assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\ufeffmeasure,region,unit,deadline,targetShares")
        .contains(m + ",370100," + jnUnit + ",2021-11-30,280 | 2.5");
    Map<String, Object> before = Db.snapshot();
    Response again = importFile("office", csv, "text/csv", false);
    again.then().log().ifValidationFails().statusCode(200);
    assertThat(again.jsonPath().getInt("created")).isZero();
    assertThat(again.jsonPath().getInt("updated")).isZero();
    assertThat(again.jsonPath().getInt("unchanged")).isEqualTo(again.jsonPath().getInt("rows"));
    Map<String, Object> after = Db.snapshot();
    after.remove("journal_entry"); // the import itself is journaled (one CATALOGUE row)
    before.remove("journal_entry");
    assertThat(after).isEqualTo(before);

    byte[] xlsx = as("office").get("/api/v1/tasks/export.xlsx").then().statusCode(200).contentType(XLSX).extract().asByteArray();
    Response fromXlsx = importFile("office", xlsx, XLSX, false);
    fromXlsx.then().log().ifValidationFails().statusCode(200);
    assertThat(fromXlsx.jsonPath().getInt("unchanged")).isEqualTo(fromXlsx.jsonPath().getInt("rows"));
  }

  @Test
  void onlyTheOfficeImportsAndExports() {
    as("leader").contentType("text/csv").body(HEAD.getBytes(StandardCharsets.UTF_8)).post("/api/v1/tasks/import").then().statusCode(403);
    as("reporter-fy").get("/api/v1/tasks/export.csv").then().statusCode(403);
    Api.anonymous().get("/api/v1/tasks/export.xlsx").then().statusCode(401);
  }
}

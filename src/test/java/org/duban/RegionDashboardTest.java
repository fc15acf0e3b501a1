package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.duban.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leadership sees the province by region (issue 14): region= on the dashboard, the overdue report,
 * the ledger and the notices, held to the account's region; the region view's numbers; the tasks
 * ledger and its round snapshot; the pages for the office, a leader and a city's leader.
 */
@QuarkusTest
class RegionDashboardTest {

  String county;
  String countyName;
  String countyUnit;
  String qdUnit;
  String jnLeader;
  String jnOffice;

  @BeforeEach
  void aCountyOfJinanWithAUnitAndCityAccounts() {
    TestClock.reset();
    // a county of its own under 济南市, so that its row counts only this test's tasks
    county = Long.toString(Db.scalar("select min(c) from generate_series(370150, 370199) c where c::text not in (select code from region)"));
    countyName = "测试区" + county;
    Db.exec("insert into region (code, name, parent_code, path, level) values (?, ?, '370100', ?, 3)", county, countyName, "370000/370100/" + county);
    String s = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    countyUnit = "ct" + s;
    qdUnit = "qd" + s;
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '测试区法院', ?, now())", countyUnit, county);
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '青岛市中级人民法院', '370200', now())", qdUnit);
    jnLeader = Accounts.business("LEADER");
    jnOffice = Accounts.business("OFFICE");
    Db.exec("update app_user set region_code = '370100' where username in (?, ?)", jnLeader, jnOffice);
  }

  @AfterEach
  void backToNow() {
    TestClock.reset();
  }

  static String measure(String start, String deadline) {
    String code = Api.newCode();
    as("office").body(Api.measureJson(code, "fy", "[]").replace("2021-05-14", start).replace("2021-12-31", deadline))
        .post("/api/v1/measures").then().statusCode(201);
    return code;
  }

  static String task(String measure, String region, String unit, String deadline) {
    return as("office").body("{\"region\":\"" + region + "\",\"unit\":\"" + unit + "\",\"deadline\":\"" + deadline + "\"}")
        .post("/api/v1/measures/" + measure + "/tasks").then().statusCode(201).extract().path("code");
  }

  static List<String> codes(JsonPath page) {
    return page.getList("items.code");
  }

  /** An overdue task in the county, a green one there, an overdue one in 青岛. */
  record Made(String measure, String late, String onTime, String qingdao) {}

  Made tasks() {
    String m = measure("2021-05-14", "2021-12-31"); // overdue itself (a measure)
    String far = measure("2021-05-14", "2099-12-31");
    String late = task(m, county, countyUnit, "2021-06-30");
    String onTime = task(far, county, countyUnit, "2099-12-31");
    String qingdao = task(m, "370200", qdUnit, "2021-06-30");
    return new Made(m, late, onTime, qingdao);
  }

  @Test
  void theRegionViewCountsTheTasksOfEachRegionAndACityAccountSeesItsOwnCounties() {
    Made t = tasks();
    // the province: 16 cities, 济南 holds at least this test's two tasks
    JsonPath office = as("office").get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    assertThat(office.getList("byRegion")).hasSize(16);
    assertThat(office.getString("region")).isNull();
    assertThat(office.getInt("byRegion.find { it.code == '370100' }.tasks")).isGreaterThanOrEqualTo(2);
    assertThat(office.getInt("byRegion.find { it.code == '370200' }.overdue")).isGreaterThanOrEqualTo(1);
    assertThat(office.getList("mostOverdue.overdue", Integer.class)).allSatisfy(n -> assertThat(n).isPositive()).isSortedAccordingTo((a, b) -> b - a);

    // 济南's leader: its counties (this test's county among them), its overdue only
    JsonPath jn = as(jnLeader).get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    assertThat(jn.getString("region.code")).isEqualTo("370100");
    assertThat(jn.getList("byRegion.code", String.class)).contains(county).doesNotContain("370200");
    Map<String, Object> row = jn.getMap("byRegion.find { it.code == '" + county + "' }");
    assertThat(row).containsEntry("name", countyName).containsEntry("tasks", 2).containsEntry("red", 1).containsEntry("overdue", 1)
        .containsEntry("closed", 0).containsEntry("progressMean", 0);
    assertThat(((Number) row.get("yellow")).intValue() + ((Number) row.get("green")).intValue()).isEqualTo(1);
    assertThat(jn.getList("overdue.code", String.class)).contains(t.late()).doesNotContain(t.qingdao(), t.measure());
    assertThat(jn.getList("overdue.kind", String.class)).containsOnly("TASK");
    assertThat(jn.getLong("overdueTotal")).isGreaterThanOrEqualTo(1);
    // the same as the office's with region=370100
    JsonPath asked = as("office").get("/api/v1/dashboard?region=370100").then().statusCode(200).extract().jsonPath();
    assertThat(asked.getMap("byRegion.find { it.code == '" + county + "' }")).isEqualTo(row);

    // outside the account's region: 403; an unknown region: 400
    as(jnLeader).get("/api/v1/dashboard?region=370200").then().statusCode(403).contentType("application/problem+json");
    as(jnLeader).get("/api/v1/dashboard?region=" + county).then().statusCode(200);
    as("office").get("/api/v1/dashboard?region=379999").then().statusCode(400).contentType("application/problem+json");
    as("leader").header("Accept-Language", "zh-CN").get("/api/v1/dashboard?region=37000x").then().statusCode(400)
        .body("errors[0].message", containsString("地区"));
  }

  @Test
  void theOverdueReportShowsTasksWithTheirKindAndRegionWithinTheAccountsRegion() throws Exception {
    Made t = tasks();
    List<String> all = codes(as("office").get("/api/v1/overdue?size=100&sort=overdueDays").then().statusCode(200).extract().jsonPath());
    JsonPath whole = as("office").get("/api/v1/overdue?size=100&region=" + county).then().statusCode(200).extract().jsonPath();
    assertThat(codes(whole)).containsExactly(t.late());
    assertThat(whole.getString("items[0].kind")).isEqualTo("TASK");
    assertThat(whole.getString("items[0].region.name")).isEqualTo(countyName);
    assertThat(whole.getLong("total")).isEqualTo(1);
    // no region: measures and tasks alike, the measure marked as one
    JsonPath measures = as("office").get("/api/v1/overdue?size=100&unit=fy").then().statusCode(200).extract().jsonPath();
    assertThat(measures.getLong("total")).isGreaterThanOrEqualTo(2);
    assertThat(all).isNotEmpty();
    JsonPath qd = as("office").get("/api/v1/overdue?size=100&region=370200").then().statusCode(200).extract().jsonPath();
    assertThat(codes(qd)).contains(t.qingdao()).doesNotContain(t.late(), t.measure());
    // the city's leader: its region by default, 403 outside it, 400 unknown
    JsonPath jn = as(jnLeader).get("/api/v1/overdue?size=100").then().statusCode(200).extract().jsonPath();
    assertThat(codes(jn)).contains(t.late()).doesNotContain(t.qingdao(), t.measure());
    assertThat(jn.getList("items.region.code", String.class)).allSatisfy(c -> assertThat(c).startsWith("3701"));
    as(jnLeader).get("/api/v1/overdue?region=370200").then().statusCode(403).contentType("application/problem+json");
    as(jnLeader).get("/api/v1/overdue?region=999999").then().statusCode(400);
    String csv = new String(as(jnLeader).get("/api/v1/overdue.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    assertThat(csv).contains(t.late()).doesNotContain(t.qingdao()).contains("类型").contains(countyName);
    as(jnLeader).get("/api/v1/overdue.csv?region=370200").then().statusCode(403);
    as(jnLeader).get("/api/v1/overdue.xlsx?region=370200").then().statusCode(403);
    byte[] xlsx = as(jnLeader).get("/api/v1/overdue.xlsx?region=" + county).then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(1).getCell(14).getStringCellValue()).isEqualTo("类型"); // row 1 is the title
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(t.late());
      assertThat(sheet.getRow(2).getCell(14).getStringCellValue()).isEqualTo("任务");
      assertThat(sheet.getRow(2).getCell(15).getStringCellValue()).isEqualTo(countyName);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
    }
  }

  /** The lines of the tasks sheet, by task code. */
  static Map<String, Row> taskLines(byte[] body, List<String> sheetNames) throws Exception {
    Map<String, Row> out = new java.util.LinkedHashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      for (Sheet s : book) {
        sheetNames.add(s.getSheetName());
      }
      Sheet tasks = book.getSheet("任务台账");
      assertThat(tasks.getRow(1).getCell(3).getStringCellValue()).isEqualTo("任务编号"); // row 1 is the title
      for (Row row : tasks) {
        if (row.getRowNum() > 1) {
          out.put(row.getCell(3).getStringCellValue(), row);
        }
      }
    }
    return out;
  }

  @Test
  void theLedgerHasATasksSheetByRegionWithinTheAccountsRegion() throws Exception {
    Made t = tasks();
    List<String> names = new ArrayList<>();
    Map<String, Row> lines = taskLines(as("leader").get("/api/v1/ledger.xlsx").then().statusCode(200).extract().asByteArray(), names);
    assertThat(names).startsWith("汇总").endsWith("任务台账");
    assertThat(lines).containsKeys(t.late(), t.onTime(), t.qingdao());
    Row late = lines.get(t.late());
    assertThat(late.getCell(1).getStringCellValue()).isEqualTo(countyName);
    assertThat(late.getCell(2).getStringCellValue()).isEqualTo(t.measure());
    assertThat(late.getCell(4).getStringCellValue()).isEqualTo("测试区法院");
    assertThat(late.getCell(6).getStringCellValue()).isEqualTo("2021-06-30");
    assertThat(late.getCell(7).getNumericCellValue()).isEqualTo(0.0);
    assertThat(late.getCell(9).getStringCellValue()).isEqualTo("红灯");
    // the measures' sheets stay measures only
    assertThat(ScanTest.ledgerLine("", t.measure()).getCell(2).getStringCellValue()).startsWith(t.measure() + " ");

    Map<String, Row> jn = taskLines(as(jnLeader).get("/api/v1/ledger.xlsx").then().statusCode(200).extract().asByteArray(), new ArrayList<>());
    assertThat(jn).containsKeys(t.late(), t.onTime()).doesNotContainKey(t.qingdao());
    assertThat(jn.values()).allSatisfy(r -> assertThat(r.getCell(3).getStringCellValue()).contains("-3701"));
    Map<String, Row> qd = taskLines(as("office").get("/api/v1/ledger.xlsx?region=370200").then().statusCode(200).extract().asByteArray(), new ArrayList<>());
    assertThat(qd).containsKey(t.qingdao()).doesNotContainKeys(t.late(), t.onTime());
    as(jnLeader).get("/api/v1/ledger.xlsx?region=370200").then().statusCode(403).contentType("application/problem+json");
    as(jnLeader).get("/api/v1/ledger.xlsx?region=123456").then().statusCode(400);
  }

  @Test
  void theNoticesAreListedByRegionWithinTheAccountsRegion() {
    Made t = tasks();
    for (String code : List.of(t.late(), t.qingdao())) {
      Db.exec("insert into notice (measure_id, level, occasion, subject, body, state, created_at, next_attempt_at)"
          + " select id, 'REMINDER', 'region-test', '测试', '测试', 'NO_RECIPIENT', now(), now() from measure where code = ?", code);
    }
    List<String> jn = as(jnOffice).get("/api/v1/notices?size=100").then().statusCode(200).extract().jsonPath().getList("items.measure");
    assertThat(jn).contains(t.late()).doesNotContain(t.qingdao());
    assertThat(jn).allSatisfy(c -> assertThat(c).contains("-3701"));
    List<String> qd = as("office").get("/api/v1/notices?size=100&region=370200").then().statusCode(200).extract().jsonPath().getList("items.measure");
    assertThat(qd).contains(t.qingdao()).doesNotContain(t.late());
    as(jnOffice).get("/api/v1/notices?region=370200").then().statusCode(403).contentType("application/problem+json");
    as(jnOffice).get("/api/v1/notices?region=000000").then().statusCode(400);
    // the page likewise
    String s = Pages.session(jnOffice);
    String page = Pages.page(s).get("/staff/notices").then().statusCode(200).extract().asString();
    assertThat(page).contains(t.late()).doesNotContain(t.qingdao()).contains("for=\"f-region\"");
    Pages.page(s).get("/staff/notices?region=370200").then().statusCode(403).body(containsString("id=\"error\""));
  }

  @Test
  void thePagesRenderTheRegionViewForTheOfficeALeaderAndACityLeader() {
    Made t = tasks();
    for (String user : List.of("office", "leader")) {
      String html = Pages.page(Pages.session(user)).get("/staff/dashboard").then().statusCode(200).extract().asString();
      // the tile grid: 16 links, each with its text equivalent, and the table twin
      assertThat(html).contains("id=\"region-tiles\"").contains("<title id=\"chart-tiles-title\">");
      assertThat(html.split("class=\"tile\"", -1)).hasSize(17);
      assertThat(html).contains("aria-label=\"济南市：任务").contains("href=\"/staff/dashboard?region=371700\"");
      assertThat(html).contains("id=\"region-light\"").contains("data-region=\"370100\"");
    }
    String en = Pages.page(Pages.session("leader")).get("/staff/dashboard?lang=en").then().statusCode(200).extract().asString();
    assertThat(en).contains("the worst light");

    String s = Pages.session(jnLeader);
    String html = Pages.page(s).get("/staff/dashboard").then().statusCode(200).extract().asString();
    assertThat(html).doesNotContain("id=\"region-tiles\"").contains("data-region=\"" + county + "\"").contains(countyName)
        .contains(t.late()).doesNotContain(t.qingdao());
    Pages.page(s).get("/staff/dashboard?region=370200").then().statusCode(403).body(containsString("id=\"error\""));
    Pages.page(s).get("/staff/dashboard?region=999999").then().statusCode(400);
    String overdue = Pages.page(s).get("/staff/overdue").then().statusCode(200).extract().asString();
    assertThat(overdue).contains("<tr data-code=\"" + t.late() + "\">").contains("data-kind=\"TASK\"").doesNotContain(t.qingdao());
    Pages.page(s).get("/staff/overdue?region=370200").then().statusCode(403);
    Pages.page(s).get("/staff/overdue.csv?region=370200").then().statusCode(403);
    String ledger = Pages.page(s).get("/staff/ledger").then().statusCode(200).extract().asString();
    assertThat(ledger).contains("id=\"ledger-tasks\"").contains("data-code=\"" + t.late() + "\"").doesNotContain(t.qingdao());
    Pages.page(s).get("/staff/ledger?region=370200").then().statusCode(403);
    Pages.page(s).get("/staff/ledger.xlsx?region=370200").then().statusCode(403);
    String office = Pages.page(Pages.session("office")).get("/staff/overdue?region=370200").then().statusCode(200).extract().asString();
    assertThat(office).contains(t.qingdao()).doesNotContain("data-code=\"" + t.late() + "\"");
  }

  @Test
  void aClosedRoundKeepsItsTasksLedger() throws Exception {
    // scans are global: a year no scan has reached yet, as ScanTest does
    int year = (int) Math.max(2021, Db.scalar("select coalesce(max(extract(year from as_of))::bigint, 2020) from scan_run") + 1);
    TestClock.set(year + "-05-20T02:00:00Z");
    String reporter = Accounts.reporter(countyUnit);
    String m = measure(year + "-05-14", (year + 1) + "-06-30");
    String task = task(m, county, countyUnit, (year + 1) + "-06-30");
    TestClock.set((year + 1) + "-02-26T01:00:00Z"); // the February round has closed
    as("office").post("/api/v1/scans").then().statusCode(200);
    int report = as(reporter).body("{\"progress\":10,\"publicSummary\":\"已启动\"}").post("/api/v1/tasks/" + task + "/reports")
        .then().statusCode(201).extract().path("id");
    as("office").post("/api/v1/reports/" + report + "/accept").then().statusCode(200);
    TestClock.set((year + 1) + "-03-26T01:00:00Z");
    as("office").post("/api/v1/scans").then().statusCode(200);

    Row feb = taskLines(as("leader").get("/api/v1/ledger.xlsx?round=" + (year + 1) + "-02").then().statusCode(200).extract().asByteArray(),
        new ArrayList<>()).get(task);
    assertThat(feb).as("the February round's tasks sheet has the task").isNotNull();
    assertThat(feb.getCell(7).getNumericCellValue()).isEqualTo(0.0);
    assertThat(feb.getCell(10).getStringCellValue()).isEmpty();
    Row mar = taskLines(as("leader").get("/api/v1/ledger.xlsx?round=" + (year + 1) + "-03").then().statusCode(200).extract().asByteArray(),
        new ArrayList<>()).get(task);
    assertThat(mar.getCell(7).getNumericCellValue()).isEqualTo(0.1);
    assertThat(mar.getCell(1).getStringCellValue()).isEqualTo(countyName);
    // the kept tasks sheet within a region: 济南's leader sees it, 青岛 is refused
    assertThat(taskLines(as(jnLeader).get("/api/v1/ledger.xlsx?round=" + (year + 1) + "-03").then().statusCode(200).extract().asByteArray(),
        new ArrayList<>())).containsKey(task);
    assertThat(taskLines(as("office").get("/api/v1/ledger.xlsx?region=370200&round=" + (year + 1) + "-03").then().statusCode(200).extract()
        .asByteArray(), new ArrayList<>())).doesNotContainKey(task);
    // the region view's reporting by region: the county's unit was due in March's round
    TestClock.set((year + 1) + "-03-27T01:00:00Z");
    JsonPath jn = as(jnLeader).get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    Map<String, Object> c = jn.getMap("complianceByRegion.find { it.code == '" + county + "' }");
    assertThat(c).isNotNull();
    assertThat(((Number) c.get("items")).intValue()).isEqualTo(((Number) c.get("reported")).intValue() + ((Number) c.get("missed")).intValue());
  }
}

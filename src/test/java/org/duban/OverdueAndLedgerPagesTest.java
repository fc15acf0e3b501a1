package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.support.Api;
import org.duban.support.Pages;
import org.duban.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leadership's pages: the overdue report (filters, sort, downloads) and the ledger (today's or a closed round's). */
@QuarkusTest
class OverdueAndLedgerPagesTest {

  static final Pattern ROW = Pattern.compile("<tr data-code=\"([^\"]+)\">");

  @BeforeEach
  void now() {
    TestClock.reset();
  }

  /** A unit of its own, so that its filter finds exactly this test's measures. */
  static String freshUnit() {
    String code = "u" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    as("admin").body("{\"code\":\"" + code + "\",\"name\":\"测试单位" + code + "\"}").post("/api/v1/units").then().statusCode(201);
    return code;
  }

  static String measure(String area, String lead, String co) {
    String code = Api.newCode();
    as("office").body(Api.measureJson(code, lead, co == null ? "[]" : "[\"" + co + "\"]").replace("\"JUSTICE\"", "\"" + area + "\""))
        .post("/api/v1/measures").then().statusCode(201);
    return code;
  }

  static void postpone(String code, String to) {
    as("office").body("{\"newDeadline\":\"" + to + "\",\"reason\":\"测试\"}").post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);
  }

  static List<String> rows(String html) {
    Matcher m = ROW.matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void leadershipFiltersTheOverdueReportByUnitAndAreaAndSortsItByDays() {
    String unit = freshUnit();
    String longest = measure("JUSTICE", unit, null); // overdue since 2021-12-31
    String shorter = measure("JUSTICE", "fy", unit); // a co-unit's, overdue since 2022-03-31
    postpone(shorter, "2022-03-31");
    String business = measure("BUSINESS", unit, null);
    postpone(business, "2022-06-30");
    String leader = Pages.session("leader");
    String html = Pages.page(leader).get("/staff/overdue?unit=" + unit).then().statusCode(200).extract().asString();
    assertThat(rows(html)).containsExactly(longest, shorter, business);
    assertThat(html).contains("逾期事项清单", "href=\"/staff/overdue.xlsx?sort=-overdueDays&amp;unit=" + unit + "\"",
        "aria-current=\"page\"", "href=\"/staff/overdue?sort=overdueDays&amp;unit=" + unit + "\"");
    // the link turns the order round
    assertThat(rows(Pages.page(leader).get("/staff/overdue?sort=overdueDays&unit=" + unit).then().statusCode(200).extract().asString()))
        .containsExactly(business, shorter, longest);
    assertThat(rows(Pages.page(Pages.session("office")).get("/staff/overdue?area=BUSINESS&unit=" + unit).then().statusCode(200)
        .extract().asString())).containsExactly(business);
    // the same filters on the API, and in its downloads
    List<String> api = as("leader").queryParam("unit", unit).queryParam("area", "JUSTICE").queryParam("sort", "overdueDays")
        .get("/api/v1/overdue").then().statusCode(200).extract().jsonPath().getList("items.code");
    assertThat(api).containsExactly(shorter, longest);
    assertThat(as("leader").queryParam("unit", unit).get("/api/v1/overdue").then().extract().jsonPath().getInt("total")).isEqualTo(3);
    String csv = new String(as("office").queryParam("unit", unit).queryParam("area", "BUSINESS").get("/api/v1/overdue.csv")
        .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    assertThat(csv.lines().skip(1)).singleElement().satisfies(l -> assertThat(l).contains("," + business + ","));
    // the page's own downloads (the session cannot call /api)
    String pageCsv = new String(Pages.page(leader).get("/staff/overdue.csv?unit=" + unit + "&sort=overdueDays").then().statusCode(200)
        .contentType("text/csv").extract().asByteArray(), StandardCharsets.UTF_8);
    assertThat(pageCsv.lines().skip(1).map(l -> l.split(",")[1]).toList()).containsExactly(business, shorter, longest);
    byte[] xlsx = Pages.page(leader).get("/staff/overdue.xlsx?unit=" + unit).then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(4); // a title, the headings, 3 lines
      assertThat(book.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo(longest);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aBadFilterIsExplainedOnThePageAndA400OnTheApi() {
    String html = Pages.page(Pages.session("leader")).get("/staff/overdue?area=MOON").then().statusCode(400).contentType("text/html")
        .extract().asString();
    assertThat(html).contains("id=\"error\"", "area");
    as("leader").queryParam("sort", "days").get("/api/v1/overdue").then().statusCode(400).contentType("application/problem+json");
    as("leader").queryParam("area", "MOON").get("/api/v1/overdue.xlsx").then().statusCode(400);
  }

  @Test
  void onlyLeadershipAndTheOfficeSeeTheOverdueAndLedgerPages() {
    for (String user : List.of("reporter-fy", "admin", "auditor", "security")) {
      String session = Pages.session(user);
      for (String path : List.of("/staff/overdue", "/staff/overdue.csv", "/staff/overdue.xlsx", "/staff/ledger", "/staff/ledger.xlsx")) {
        assertThat(Pages.page(session).get(path).statusCode()).as(user + " " + path).isEqualTo(403);
      }
    }
    String html = Pages.page(Pages.session("leader")).get("/staff/dashboard").then().statusCode(200).extract().asString();
    // in English too (?lang=en)
    assertThat(Pages.page(Pages.session("office")).get("/staff/overdue?lang=en").then().statusCode(200).extract().asString())
        .contains("Overdue measures", "lang=\"en\"");
    assertThat(Pages.page(Pages.session("office")).get("/staff/ledger?lang=en").then().statusCode(200).extract().asString())
        .contains("Progress ledger", ">Show<");
    // the dashboard's downloads go to the page side too: a page session cannot call /api
    assertThat(html).contains("href=\"/staff/ledger.xlsx\"", "href=\"/staff/overdue.xlsx\"").doesNotContain("href=\"/api/v1/");
    assertThat(html).contains("href=\"/staff/overdue\"", "href=\"/staff/ledger\"").doesNotContain("href=\"/staff/units\"", "href=\"/staff/audit\"");
  }

  @Test
  void theLedgerPageShowsTodaysLinesAndAClosedRoundsOnRequest() {
    String unit = freshUnit();
    String code = measure("STABILITY", unit, null);
    String office = Pages.session("office");
    String html = Pages.page(office).get("/staff/ledger").then().statusCode(200).extract().asString();
    assertThat(html).contains("工作推进台账", "当日台账", "<tr data-code=\"" + code + "\">", "href=\"/staff/ledger.xlsx\"");
    byte[] xlsx = Pages.page(office).get("/staff/ledger.xlsx").then().statusCode(200).extract().asByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(book.getSheet("汇总")).isNotNull();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    // a closed round whose ledger was kept (as the scan keeps it): chosen in the select, its lines shown
    String round = "1990-" + String.format("%02d", 1 + (int) (System.nanoTime() % 12));
    try (var c = org.duban.support.Db.connect(); var st = c.createStatement()) {
      st.execute("insert into dispatch_round (code, opens_on, closes_on, closed_at, ledger_rows) values ('" + round + "', '1989-12-26',"
          + " '1990-01-25', now(), 1) on conflict (code) do nothing");
      st.execute("insert into ledger_snapshot (round_id, area, code, title, lead_unit, committed_deadline, deadline, progress, status, light)"
          + " select id, 'STABILITY', 'KEPT" + round + "', '当时的事项', '当时的单位', '1990-12-31', '1990-12-31', 40, 'IN_PROGRESS', 'YELLOW'"
          + " from dispatch_round where code = '" + round + "' on conflict do nothing");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(html).doesNotContain("KEPT" + round);
    assertThat(Pages.page(office).get("/staff/ledger").then().extract().asString()).contains("<option value=\"" + round + "\">");
    String kept = Pages.page(office).get("/staff/ledger?round=" + round).then().statusCode(200).extract().asString();
    assertThat(rows(kept)).containsExactly("KEPT" + round);
    assertThat(kept).contains("当时的事项", "href=\"/staff/ledger.xlsx?round=" + round + "\"");
    Pages.page(Pages.session("leader")).get("/staff/ledger.xlsx?round=" + round).then().statusCode(200)
        .header("Content-Disposition", org.hamcrest.Matchers.containsString("ledger-" + round + ".xlsx"));
    // a round that does not exist: the page says so with the API's status; a bad one is a 400
    assertThat(Pages.page(office).get("/staff/ledger?round=1999-01").then().statusCode(404).extract().asString()).contains("id=\"error\"", "1999-01");
    Pages.page(office).get("/staff/ledger?round=June").then().statusCode(400);
    Pages.page(office).get("/staff/ledger.xlsx?round=1999-01").then().statusCode(404);
  }
}

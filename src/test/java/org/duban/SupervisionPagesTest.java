package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervision pages (督导, issue 15): a leader's desk, inspections, rectification items and
 * guidance groups; each role sees only the forms it may use, the forms act as the API does, and a
 * refusal is the page again with the reason and its status.
 */
@QuarkusTest
class SupervisionPagesTest {

  static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

  String jnUnit;
  String jnReporter;
  String qdReporter;
  String jnOffice;
  String qdOffice;
  String leader;
  String otherLeader;

  @BeforeEach
  void cityUnitsAndAccounts() {
    String s = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    jnUnit = "pj" + s;
    String qdUnit = "pq" + s;
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '济南市中级人民法院', '370100', now())", jnUnit);
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '青岛市中级人民法院', '370200', now())", qdUnit);
    jnReporter = Accounts.reporter(jnUnit);
    qdReporter = Accounts.reporter(qdUnit);
    jnOffice = Accounts.business("OFFICE");
    qdOffice = Accounts.business("OFFICE");
    leader = Accounts.business("LEADER");
    otherLeader = Accounts.business("LEADER");
    Db.exec("update app_user set region_code = '370100' where username in (?, ?)", jnOffice, jnReporter);
    Db.exec("update app_user set region_code = '370200' where username in (?, ?)", qdOffice, qdReporter);
  }

  static String html(String session, String path, int status) {
    return Pages.page(session).get(path).then().statusCode(status).extract().asString();
  }

  static String version(String html) {
    Matcher m = VERSION.matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static long idIn(String location, String prefix) {
    assertThat(location).contains(prefix);
    String rest = location.substring(location.indexOf(prefix) + prefix.length());
    return Long.parseLong(rest.replaceAll("[?].*$", ""));
  }

  @Test
  void anInspectionBecomesAnItemThatIsClosedOnItsPagesAndTheDeskShowsIt() {
    String m = Api.createMeasure("fy");
    as("office").body("{\"leaders\":[\"" + leader + "\"]}").put("/api/v1/measures/" + m + "/contact-leaders").then().statusCode(200);
    long g = ((Number) as("office").body("{\"name\":\"页面指导组" + m + "\",\"members\":[\"" + leader + "\"],\"regions\":[\"370100\"]}")
        .post("/api/v1/groups").then().statusCode(201).extract().path("id")).longValue();
    String lead = Pages.session(leader);
    String other = Pages.session(otherLeader);
    String unit = Pages.session(jnReporter);
    String office = Pages.session(jnOffice);

    // the member records the inspection; a leader of no group has no form, and its post is refused on the page
    assertThat(TaskPagesTest.forms(html(lead, "/staff/inspections", 200))).contains("/staff/inspections");
    assertThat(TaskPagesTest.forms(html(other, "/staff/inspections", 200))).doesNotContain("/staff/inspections");
    assertThat(TaskPagesTest.forms(html(unit, "/staff/inspections", 200))).doesNotContain("/staff/inspections");
    String refused = Pages.form(other, "/staff/inspections").formParam("group", g).formParam("date", "2021-09-15").formParam("unit", jnUnit)
        .formParam("items", m).formParam("findings", "x").post("/staff/inspections").then().statusCode(403).extract().asString();
    assertThat(refused).contains("id=\"error\"");
    String at = Pages.form(lead, "/staff/inspections").formParam("group", g).formParam("date", "2021-09-15").formParam("unit", jnUnit)
        .formParam("items", m).formParam("findings", "页面一次性告知不到位").post("/staff/inspections").then().statusCode(303).extract().header("Location");
    long i = idIn(at, "/staff/inspections/");
    assertThat(html(lead, "/staff/inspections/" + i, 200)).contains("页面一次性告知不到位").doesNotContain("id=\"convert-form\"");
    html(Pages.session(qdReporter), "/staff/inspections/" + i, 404);

    // the city's office makes it an item on the inspection's page; a bad deadline is the page again with 400
    String page = html(office, "/staff/inspections/" + i, 200);
    assertThat(TaskPagesTest.forms(page)).contains("/staff/inspections/" + i + "/rectifications");
    Pages.form(office, "/staff/inspections/" + i).formParam("concerns", m).formParam("unit", jnUnit).formParam("deadline", "x")
        .formParam("title", "t").formParam("finding", "f").formParam("requiredOutcome", "o")
        .post("/staff/inspections/" + i + "/rectifications").then().statusCode(400);
    String to = Pages.form(office, "/staff/inspections/" + i).formParam("concerns", m).formParam("unit", jnUnit).formParam("deadline", "2099-10-31")
        .formParam("title", "页面告知整改").formParam("finding", "页面一次性告知不到位").formParam("requiredOutcome", "制定清单")
        .post("/staff/inspections/" + i + "/rectifications").then().statusCode(303).extract().header("Location");
    long id = idIn(to, "/staff/rectifications/");
    String item = "/staff/rectifications/" + id;

    // who reads it and which forms each sees
    List<String> unitForms = TaskPagesTest.forms(html(unit, item, 200));
    assertThat(unitForms).contains(item + "/reports", item + "/claim-done", item + "/files").doesNotContain(item + "/verify");
    List<String> officeForms = TaskPagesTest.forms(html(office, item, 200));
    assertThat(officeForms).contains(item + "/files").doesNotContain(item + "/claim-done", item + "/verify");
    assertThat(TaskPagesTest.forms(html(lead, item, 200))).isEmpty();
    html(Pages.session(qdOffice), item, 404);
    assertThat(html(office, "/staff/rectifications?status=NOT_STARTED", 200)).contains(item);
    assertThat(html(Pages.session(qdOffice), "/staff/rectifications", 200)).doesNotContain(item + "\"");

    // the unit reports and uploads a file, the office accepts, the unit claims it done, the office verifies
    Pages.form(unit, item).formParam("progress", "80").formParam("publicSummary", "已制定清单").post(item + "/reports").then().statusCode(303);
    byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Pages.page(unit).multiPart("csrf", Pages.csrf(unit, item)).multiPart("file", "plan.pdf", pdf, "application/pdf")
        .post(item + "/files").then().statusCode(303);
    assertThat(html(office, item, 200)).contains("plan.pdf", "SHA-256");
    String withReport = html(office, item, 200);
    Matcher accept = Pattern.compile("action=\"(" + Pattern.quote(item) + "/reports/\\d+/accept)\"").matcher(withReport);
    assertThat(accept.find()).isTrue();
    Pages.form(office, item).post(accept.group(1)).then().statusCode(303);
    Pages.form(unit, item).formParam("version", version(html(unit, item, 200))).post(item + "/claim-done").then().statusCode(303);
    // a stale version is refused on the page with its status
    var stale = Pages.form(unit, item).formParam("version", "0").post(item + "/claim-done");
    assertThat(stale.statusCode()).isIn(409, 412);
    assertThat(stale.asString()).contains("id=\"error\"");
    assertThat(TaskPagesTest.forms(html(office, item, 200))).contains(item + "/verify", item + "/reopen");
    Pages.form(office, item).formParam("version", version(html(office, item, 200))).post(item + "/verify").then().statusCode(303);
    assertThat(html(office, item, 200)).contains("已销号");

    // the leader's desk: its measure and the item closed
    String desk = html(lead, "/staff/desk", 200);
    assertThat(desk).contains(m, item, "已销号", "我的联系事项");
    assertThat(html(lead, "/staff/desk?lang=en", 200)).contains("My desk");
    html(unit, "/staff/desk", 403);
    html(office, "/staff/desk", 403);
  }

  @Test
  void groupsAreForOfficesAndLeadersAndOnlyTheProvincesOfficeSetsThemUp() {
    String province = Pages.session("office");
    assertThat(TaskPagesTest.forms(html(province, "/staff/groups", 200))).contains("/staff/groups");
    assertThat(TaskPagesTest.forms(html(Pages.session(jnOffice), "/staff/groups", 200))).doesNotContain("/staff/groups");
    assertThat(TaskPagesTest.forms(html(Pages.session(leader), "/staff/groups", 200))).doesNotContain("/staff/groups");
    html(Pages.session(jnReporter), "/staff/groups", 403);
    String name = "页面组" + System.nanoTime();
    Pages.form(province, "/staff/groups").formParam("name", name).formParam("members", leader).formParam("regions", "370100")
        .post("/staff/groups").then().statusCode(303);
    assertThat(html(province, "/staff/groups", 200)).contains(name, leader);
    // a refusal: the name is taken (409), and a city's office may not (403): the page again with the reason
    assertThat(Pages.form(province, "/staff/groups").formParam("name", name).post("/staff/groups").then().statusCode(409).extract().asString())
        .contains("id=\"error\"");
    String city = Pages.session(jnOffice);
    Pages.form(city, "/staff/groups").formParam("name", name + "x").post("/staff/groups").then().statusCode(403);
    html(Pages.session(jnReporter), "/staff/rectifications", 200);
    html(Pages.session(jnReporter), "/staff/inspections", 200);
    html(Pages.session(jnReporter), "/staff/rectifications/999999999", 404);
    html(Pages.session(jnReporter), "/staff/inspections/999999999", 404);
  }
}

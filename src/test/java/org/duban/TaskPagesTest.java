package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local tasks in the browser (issue 14): each role sees only the forms it may use, and they act as the API does. */
@QuarkusTest
class TaskPagesTest {

  static final Pattern FORM = Pattern.compile("<form[^>]*action=\"(/staff/[^\"]+)\"");

  String jnUnit;
  String qdUnit;
  String zbUnit;
  String jnReporter;
  String jnOffice;
  String qdOffice;

  @BeforeEach
  void cityUnitsAndAccounts() {
    String s = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    jnUnit = "jn" + s;
    qdUnit = "qd" + s;
    zbUnit = "zb" + s;
    Db.exec("insert into unit (code, name, region_code, parent_code, created_at) values (?, '济南市中级人民法院', '370100', 'fy', now())", jnUnit);
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '青岛市中级人民法院', '370200', now())", qdUnit);
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '淄博市中级人民法院', '370300', now())", zbUnit);
    jnReporter = Accounts.reporter(jnUnit);
    jnOffice = Accounts.business("OFFICE");
    qdOffice = Accounts.business("OFFICE");
    Db.exec("update app_user set region_code = '370100' where username in (?, ?)", jnOffice, jnReporter);
    Db.exec("update app_user set region_code = '370200' where username = ?", qdOffice);
  }

  String measureWithTasks() {
    String code = Api.newCode();
    String json = Api.measureJson(code, "fy", "[]").replace("\"deadline\":\"2021-12-31\"}",
        "\"deadline\":\"2021-12-31\",\"targets\":[{\"description\":\"互联网法庭\",\"targetValue\":1400,\"unitLabel\":\"处\"}]}");
    as("office").body(json).post("/api/v1/measures").then().statusCode(201);
    for (String[] t : new String[][] {{"370100", jnUnit}, {"370200", qdUnit}}) {
      as("office").body("{\"region\":\"" + t[0] + "\",\"unit\":\"" + t[1] + "\",\"deadline\":\"2021-11-30\",\"targetShares\":[100]}")
          .post("/api/v1/measures/" + code + "/tasks").then().statusCode(201);
    }
    return code;
  }

  static List<String> forms(String html) {
    Matcher m = FORM.matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static String html(String session, String path, int status) {
    return Pages.page(session).get(path).then().statusCode(status).extract().asString();
  }

  @Test
  void theMeasurePageShowsItsTasksTallyAndTheAddFormButNoReportForm() {
    String m = measureWithTasks();
    String office = Pages.session("office");
    String page = html(office, "/staff/measures/" + m, 200);
    assertThat(page).contains("/staff/tasks/" + m + "-370100", "/staff/tasks/" + m + "-370200", "id=\"task-tally\"", "济南市", "共 2 项任务");
    assertThat(forms(page)).contains("/staff/measures/" + m + "/tasks", "/staff/measures/" + m + "/postpone")
        .doesNotContain("/staff/measures/" + m + "/reports");
    assertThat(html(office, "/staff/measures/" + m + "?lang=en", 200)).contains("2 tasks: ", "Add a local task");

    // the province's office adds Zibo's task through the form
    var added = Pages.form(office, "/staff/measures/" + m).formParam("region", "370300").formParam("unit", zbUnit)
        .formParam("deadline", "2021-10-31").formParam("targetShares", "50").post("/staff/measures/" + m + "/tasks");
    added.then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/staff/measures/" + m + "?done=task"));
    as("office").get("/api/v1/tasks/" + m + "-370300").then().statusCode(200).body("unit.code", org.hamcrest.Matchers.equalTo(zbUnit));

    // a deadline after the measure's: refused on the page with the reason and 400, nothing written
    Map<String, Object> before = Db.snapshot();
    String refused = Pages.form(office, "/staff/measures/" + m).formParam("region", "370400").formParam("unit", zbUnit)
        .formParam("deadline", "2022-10-31").post("/staff/measures/" + m + "/tasks").then().statusCode(400).extract().asString();
    assertThat(refused).contains("id=\"error\"");
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void eachRoleSeesOnlyItsFormsOnATaskPage() {
    String m = measureWithTasks();
    String jn = m + "-370100";
    String reporterPage = html(Pages.session(jnReporter), "/staff/tasks/" + jn, 200);
    assertThat(forms(reporterPage)).contains("/staff/tasks/" + jn + "/reports", "/staff/tasks/" + jn + "/claim-done")
        .noneMatch(f -> f.endsWith("/verify") || f.endsWith("/postpone") || f.endsWith("/reopen"));
    assertThat(reporterPage).contains("/staff/measures/" + m, "济南市", "100");

    String cityOffice = html(Pages.session(jnOffice), "/staff/tasks/" + jn, 200);
    assertThat(forms(cityOffice)).contains("/staff/tasks/" + jn + "/postpone", "/staff/tasks/" + jn + "/reports")
        .noneMatch(f -> f.endsWith("/claim-done") || f.endsWith("/verify"));

    String leader = html(Pages.session("leader"), "/staff/tasks/" + jn, 200);
    assertThat(forms(leader)).isEmpty();
  }

  @Test
  void aCityOfficeAcceptsAReportThroughThePageAndARefusalReRendersWithItsStatus() {
    String m = measureWithTasks();
    String jn = m + "-370100";
    String reporter = Pages.session(jnReporter);
    Pages.form(reporter, "/staff/tasks/" + jn).formParam("progress", "40").formParam("publicSummary", "济南推进中")
        .post("/staff/tasks/" + jn + "/reports").then().statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/staff/tasks/" + jn + "?done=report"));
    long id = Db.scalar("select id from progress_report where measure_id = (select id from measure where code = ?)", jn);

    String office = Pages.session(jnOffice);
    assertThat(forms(html(office, "/staff/tasks/" + jn, 200))).contains("/staff/tasks/" + jn + "/reports/" + id + "/accept");
    Pages.form(office, "/staff/tasks/" + jn).post("/staff/tasks/" + jn + "/reports/" + id + "/accept").then().statusCode(303);
    as("office").get("/api/v1/tasks/" + jn).then().body("progress", org.hamcrest.Matchers.equalTo(40));
    assertThat(html(office, "/staff/tasks/" + jn + "?done=accept", 200)).contains("id=\"done\"", "40%");

    // verifying a task nobody claimed done: 409, the page again with the reason, nothing written
    long version = Db.scalar("select version from measure where code = ?", jn);
    Map<String, Object> before = Db.snapshot();
    String refused = Pages.form(office, "/staff/tasks/" + jn).formParam("version", String.valueOf(version))
        .post("/staff/tasks/" + jn + "/verify").then().statusCode(409).extract().asString();
    assertThat(refused).contains("id=\"error\"", jn);
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void anotherCitysTaskIsNotThereAndNothingIsWritten() {
    String m = measureWithTasks();
    String jn = m + "-370100";
    int id = as(jnReporter).body("{\"progress\":10,\"publicSummary\":\"x\"}").post("/api/v1/tasks/" + jn + "/reports")
        .then().statusCode(201).extract().path("id");
    String qd = Pages.session(qdOffice);
    Pages.page(qd).get("/staff/tasks/" + jn).then().statusCode(404);
    Map<String, Object> before = Db.snapshot();
    Pages.form(qd, "/staff/tasks").post("/staff/tasks/" + jn + "/reports/" + id + "/accept").then().statusCode(404);
    Pages.form(qd, "/staff/tasks").formParam("newDeadline", "2021-11-01").formParam("reason", "x").formParam("version", "0")
        .post("/staff/tasks/" + jn + "/postpone").then().statusCode(404);
    assertThat(Db.snapshot()).isEqualTo(before);
    assertThat(Db.text("select state from progress_report where id = ?", (long) id)).isEqualTo("PENDING");
  }

  @Test
  void theTasksListFiltersAndKeepsToTheAccountsRegion() {
    String m = measureWithTasks();
    String all = html(Pages.session("office"), "/staff/tasks?measure=" + m, 200);
    assertThat(all).contains(m + "-370100", m + "-370200", "id=\"f-region\"");
    String city = html(Pages.session(jnOffice), "/staff/tasks?measure=" + m, 200);
    assertThat(city).contains(m + "-370100").doesNotContain(m + "-370200");
    assertThat(html(Pages.session("office"), "/staff/tasks?measure=" + m + "&region=370200&lang=en", 200))
        .contains(m + "-370200").doesNotContain(m + "-370100\"");
    assertThat(html(Pages.session("leader"), "/staff/measures", 200)).contains("href=\"/staff/tasks\"");
  }

  @Test
  void theCataloguePageTakesTheTasksSheetWithADryRun() {
    String m = Api.newCode();
    as("office").body(Api.measureJson(m, "fy", "[]")).post("/api/v1/measures").then().statusCode(201);
    String office = Pages.session("office");
    byte[] csv = ("measure,region,unit,deadline,targetShares\r\n" + m + ",370100," + jnUnit + ",2021-11-30,\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String token = Pages.csrf(office, "/staff/catalogue");
    String dry = Pages.page(office).multiPart("csrf", token).multiPart("file", "tasks.csv", csv, "text/csv").multiPart("dryRun", "true")
        .post("/staff/catalogue/tasks/upload").then().statusCode(200).extract().asString();
    assertThat(dry).contains("id=\"sheet-result\"", "试导入");
    assertThat(tasksOf(m)).isZero();
    Pages.page(office).multiPart("csrf", token).multiPart("file", "tasks.csv", csv, "text/csv")
        .post("/staff/catalogue/tasks/upload").then().statusCode(303);
    assertThat(tasksOf(m)).isEqualTo(1);
    String bad = Pages.page(office).multiPart("csrf", token)
        .multiPart("file", "tasks.csv", ("measure,region,unit,deadline\r\n" + m + ",379999," + jnUnit + ",2021-11-30\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
        .post("/staff/catalogue/tasks/upload").then().statusCode(400).extract().asString();
    assertThat(bad).contains("id=\"sheet-row-errors\"", "379999");
    assertThat(Pages.page(office).get("/staff/catalogue/tasks/export.csv").then().statusCode(200).extract().asString())
        .contains(m + ",370100," + jnUnit);
  }

  @Test
  void verifyingAMeasureWithOpenTasksAsksWhy() {
    String m = measureWithTasks();
    String etag = as("reporter-fy").get("/api/v1/measures/" + m).then().extract().header("ETag");
    as("reporter-fy").header("If-Match", etag).post("/api/v1/measures/" + m + "/claim-done").then().statusCode(200);
    String office = Pages.session("office");
    String page = html(office, "/staff/measures/" + m, 200);
    assertThat(page).contains("name=\"openTasksReason\"");
    long version = Db.scalar("select version from measure where code = ?", m);
    Map<String, Object> before = Db.snapshot();
    Pages.form(office, "/staff/measures/" + m).formParam("version", String.valueOf(version))
        .post("/staff/measures/" + m + "/verify").then().statusCode(409);
    assertThat(Db.snapshot()).isEqualTo(before);
    Pages.form(office, "/staff/measures/" + m).formParam("version", String.valueOf(version)).formParam("openTasksReason", "市级任务另行督办")
        .post("/staff/measures/" + m + "/verify").then().statusCode(303);
    as("office").get("/api/v1/measures/" + m).then().body("status", org.hamcrest.Matchers.equalTo("VERIFIED"));
  }

  static long tasksOf(String measure) {
    return Db.scalar("select count(*) from measure where kind = 'TASK' and root_id = (select id from measure where code = ?)", measure);
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local tasks (分解任务): a measure broken down by city and county, on the measure's engine, scoped
 * by region (块) and line (条), rolled up by the published rule.
 */
@QuarkusTest
class TaskTest {

  String jnUnit;
  String qdUnit;
  String jnReporter;
  String qdReporter;
  String jnOffice;
  String qdOffice;

  @BeforeEach
  void cityUnitsAndAccounts() {
    String s = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    jnUnit = "jn" + s;
    qdUnit = "qd" + s;
    Db.exec("insert into unit (code, name, region_code, parent_code, created_at) values (?, '济南市中级人民法院', '370100', 'fy', now())", jnUnit);
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '青岛市中级人民法院', '370200', now())", qdUnit);
    jnReporter = org.duban.support.Accounts.reporter(jnUnit);
    qdReporter = org.duban.support.Accounts.reporter(qdUnit);
    jnOffice = org.duban.support.Accounts.business("OFFICE");
    qdOffice = org.duban.support.Accounts.business("OFFICE");
    Db.exec("update app_user set region_code = '370100' where username in (?, ?)", jnOffice, jnReporter);
    Db.exec("update app_user set region_code = '370200' where username in (?, ?)", qdOffice, qdReporter);
  }

  /** A measure with one SUM target of 1,400 (互联网法庭) and one MEAN target (days). */
  String measureWithTargets() {
    String code = Api.newCode();
    String json = Api.measureJson(code, "fy", "[]").replace("\"deadline\":\"2021-12-31\"}",
        "\"deadline\":\"2021-12-31\",\"targets\":[{\"description\":\"互联网法庭\",\"targetValue\":1400,\"unitLabel\":\"处\"},"
            + "{\"description\":\"平均审核时间\",\"targetValue\":3,\"unitLabel\":\"天\",\"aggregation\":\"MEAN\"}]}");
    as("office").body(json).post("/api/v1/measures").then().statusCode(201);
    return code;
  }

  String task(String measure, String region, String unit, String deadline, String shares) {
    return as("office").body("{\"region\":\"" + region + "\",\"unit\":\"" + unit + "\",\"deadline\":\"" + deadline + "\",\"targetShares\":" + shares + "}")
        .post("/api/v1/measures/" + measure + "/tasks").then().statusCode(201)
        .header("Location", containsString("/api/v1/tasks/" + measure + "-" + region))
        .extract().path("code");
  }

  int report(String user, String item, int progress) {
    return as(user).body("{\"progress\":" + progress + ",\"publicSummary\":\"推进中\"}").post("/api/v1/tasks/" + item + "/reports")
        .then().statusCode(201).extract().path("id");
  }

  @Test
  void aMeasureIsBrokenDownByCityAndRollsUpByShares() {
    String m = measureWithTargets();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280, null]");
    String qd = task(m, "370200", qdUnit, "2021-12-31", "[120]");
    assertThat(jn).isEqualTo(m + "-370100");

    JsonPath t = as("office").get("/api/v1/tasks/" + jn).then().statusCode(200).extract().jsonPath();
    assertThat(t.getString("measure")).isEqualTo(m);
    assertThat(t.getString("parent")).isEqualTo(m);
    assertThat(t.getString("region.name")).isEqualTo("济南市");
    assertThat(t.getString("unit.code")).isEqualTo(jnUnit);
    assertThat(t.getString("committedDeadline")).isEqualTo("2021-11-30");
    assertThat(t.getString("targets[0].targetValue")).isEqualTo("280");
    assertThat(t.getString("targets[1].aggregation")).isEqualTo("MEAN");
    assertThat(as("office").get("/api/v1/measures/" + m + "/tasks").then().statusCode(200).extract().jsonPath().getList("code"))
        .containsExactly(jn, qd);

    // the city's reporter reports, the city's office accepts: 50% of 280 and 0% of 120 -> 35%
    int id = report(jnReporter, jn, 50);
    as(jnOffice).post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    as("office").get("/api/v1/tasks/" + jn).then().body("progress", equalTo(50)).body("status", equalTo("IN_PROGRESS"));
    JsonPath measure = as("office").get("/api/v1/measures/" + m).then().statusCode(200).extract().jsonPath();
    assertThat(measure.getInt("progress")).isEqualTo(35);
    assertThat(measure.getInt("tasks.total")).isEqualTo(2);
    assertThat(Db.scalar("select progress from measure where code = ?", m)).isEqualTo(35);
    assertThat(Db.scalar("select count(*) from journal_entry where entity_key = ? and action = 'ROLLUP' and field = 'progress'", m)).isEqualTo(1);

    // target actuals roll up: SUM of the cities' actuals, MEAN of their days
    String etag = as("office").get("/api/v1/tasks/" + jn).then().extract().header("ETag");
    as("office").header("If-Match", etag).body("{\"targetActuals\":[100, 2.5]}").patch("/api/v1/tasks/" + jn).then().statusCode(200);
    etag = as("office").get("/api/v1/tasks/" + qd).then().extract().header("ETag");
    as("office").header("If-Match", etag).body("{\"targetActuals\":[20, 4]}").patch("/api/v1/tasks/" + qd).then().statusCode(200);
    measure = as("office").get("/api/v1/measures/" + m).then().extract().jsonPath();
    assertThat(measure.getString("targets[0].actualValue")).isEqualTo("120");
    assertThat(measure.getString("targets[1].actualValue")).isEqualTo("3.25");

    // a measure with tasks takes no report of its own: its tasks do
    as("office").body("{\"progress\":90,\"publicSummary\":\"x\"}").post("/api/v1/measures/" + m + "/reports").then().statusCode(409);
  }

  @Test
  void aTaskWithoutSharesCountsEquallyAndItsMeasureStillReads() {
    String m = measureWithTargets();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "null");
    task(m, "370200", qdUnit, "2021-11-30", "[120]");
    int id = report(jnReporter, jn, 40);
    as(jnOffice).post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    // one task has no share of the primary target: equal weights, (40 + 0) / 2
    as("office").get("/api/v1/measures/" + m).then().statusCode(200).body("progress", equalTo(20));
    org.duban.support.Api.anonymous().get("/api/v1/public/measures/" + m).then().statusCode(200).body("progress", equalTo(20));
  }

  @Test
  void aCountyTaskNestsUnderItsCityAndTheCityThenRollsUp() {
    String county = "3701" + String.format("%02d", 2 + (int) (System.nanoTime() % 90));
    Db.exec("insert into region (code, name, parent_code, path, level) values (?, '测试区', '370100', '370000/370100/' || ?, 3)"
        + " on conflict do nothing", county, county);
    String countyUnit = jnUnit + "c";
    Db.exec("insert into unit (code, name, region_code, parent_code, created_at) values (?, '区法院', ?, ?, now())", countyUnit, county, jnUnit);
    String countyReporter = org.duban.support.Accounts.reporter(countyUnit);
    String m = measureWithTargets();
    // the county first: under the measure; the city's task then takes it under itself
    String ct = task(m, county, countyUnit, "2021-10-31", "[10]");
    as("office").get("/api/v1/tasks/" + ct).then().body("parent", equalTo(m));
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]");
    as("office").get("/api/v1/tasks/" + ct).then().body("parent", equalTo(jn));
    as("office").get("/api/v1/tasks/" + jn).then().body("tasks.total", equalTo(1));

    // only the lowest level reports; the city's reporters read the county's task through the line
    as(jnReporter).body("{\"progress\":10,\"publicSummary\":\"x\"}").post("/api/v1/tasks/" + jn + "/reports").then().statusCode(409);
    as(jnReporter).get("/api/v1/tasks/" + ct).then().statusCode(200);
    as(jnReporter).body("{\"progress\":10,\"publicSummary\":\"x\"}").post("/api/v1/tasks/" + ct + "/reports").then().statusCode(403);
    int id = report(countyReporter, ct, 80);
    as(jnOffice).post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    as("office").get("/api/v1/tasks/" + jn).then().body("progress", equalTo(80));
    as("office").get("/api/v1/measures/" + m).then().body("progress", equalTo(80));
  }

  @Test
  void aCitySeesAndActsOnItsOwnTasksOnly() {
    String m = measureWithTargets();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]");
    String qd = task(m, "370200", qdUnit, "2021-11-30", "[120]");
    int id = report(jnReporter, jn, 40);
    long failed = Db.scalar("insert into notice (measure_id, level, occasion, recipient, subject, body, state, created_at, next_attempt_at)"
        + " select id, 'URGING', 'test', 'x@duban.test', '催办', '催办', 'FAILED', now(), now() from measure where code = ? returning id", jn);
    Map<String, Object> before = Db.snapshot();

    // another city's notices: not there for it, and not to be sent again by it
    as(qdOffice).get("/api/v1/measures/" + jn + "/notices").then().statusCode(404);
    as(qdOffice).post("/api/v1/notices/" + failed + "/retry").then().statusCode(409);
    assertThat(Db.text("select state from notice where id = ?", failed)).isEqualTo("FAILED");
    as(qdOffice).get("/api/v1/tasks/" + jn).then().statusCode(404);
    as(qdOffice).post("/api/v1/reports/" + id + "/accept").then().statusCode(404);
    as(qdReporter).get("/api/v1/tasks/" + jn).then().statusCode(404);
    as(qdReporter).body("{\"progress\":50,\"publicSummary\":\"x\"}").post("/api/v1/tasks/" + jn + "/reports").then().statusCode(404);
    as(qdOffice).body("{\"region\":\"370100\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2021-10-01\"}")
        .post("/api/v1/measures/" + m + "/tasks").then().statusCode(403);
    as(qdOffice).body("{\"newDeadline\":\"2021-12-01\",\"reason\":\"x\"}").post("/api/v1/tasks/" + jn + "/postponements").then().statusCode(404);
    as(qdOffice).queryParam("region", "370100").get("/api/v1/tasks").then().statusCode(403);
    as(jnOffice).header("If-Match", "\"0\"").body("{\"title\":\"x\"}").patch("/api/v1/measures/" + m).then().statusCode(403);
    assertThat(Db.snapshot()).isEqualTo(before);

    // every staff account reads the measure; the lists are scoped
    as(qdOffice).get("/api/v1/measures/" + m).then().statusCode(200);
    assertThat(as(qdOffice).get("/api/v1/measures/" + m + "/tasks").then().statusCode(200).extract().jsonPath().getList("code")).containsExactly(qd);
    assertThat(as(qdOffice).queryParam("measure", m).get("/api/v1/tasks").then().statusCode(200).extract().jsonPath().getList("items.code"))
        .containsExactly(qd);
    assertThat(as("leader").queryParam("measure", m).queryParam("region", "370100").get("/api/v1/tasks").then().statusCode(200)
        .extract().jsonPath().getList("items.code")).containsExactly(jn);
    // the province's office accepts anywhere; the city's office sees its own task's notices
    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    assertThat(as(jnOffice).get("/api/v1/measures/" + jn + "/notices").then().statusCode(200).extract().jsonPath().getList("items.id"))
        .contains((int) failed);
  }

  @Test
  void badTasksAreRefusedAndNothingIsWritten() {
    String m = measureWithTargets();
    task(m, "370100", jnUnit, "2021-11-30", "[280]");
    Map<String, Object> before = Db.snapshot();
    String base = "/api/v1/measures/" + m + "/tasks";
    as("office").body("{\"region\":\"370200\",\"unit\":\"" + qdUnit + "\",\"deadline\":\"2022-01-31\"}").post(base)
        .then().statusCode(400).body("errors[0].field", equalTo("deadline"));
    as("office").body("{\"region\":\"379900\",\"unit\":\"" + qdUnit + "\",\"deadline\":\"2021-10-31\"}").post(base)
        .then().statusCode(400).body("errors[0].field", equalTo("region"));
    as("office").body("{\"region\":\"370000\",\"unit\":\"fy\",\"deadline\":\"2021-10-31\"}").post(base).then().statusCode(400);
    as("office").body("{\"region\":\"370200\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2021-10-31\"}").post(base)
        .then().statusCode(400).body("errors[0].field", equalTo("unit"));
    as("office").body("{\"region\":\"370100\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2021-10-31\"}").post(base).then().statusCode(409);
    as("office").body("{\"region\":\"370200\",\"unit\":\"" + qdUnit + "\",\"deadline\":\"2021-10-31\",\"targetShares\":[1,2,3]}").post(base)
        .then().statusCode(400);
    as("office").body("{\"region\":\"37020\",\"unit\":\"" + qdUnit + "\",\"deadline\":\"2021-10-31\"}").post(base).then().statusCode(400);
    as("office").body("{\"region\":\"370200\",\"unit\":\"" + qdUnit + "\",\"deadline\":\"2021-10-31\"}").post("/api/v1/measures/NOSUCH/tasks")
        .then().statusCode(404);
    as("reporter-fy").body("{\"region\":\"370200\",\"unit\":\"" + qdUnit + "\",\"deadline\":\"2021-10-31\"}").post(base).then().statusCode(403);
    // a task's code is not a measure's, and the reverse
    as("office").get("/api/v1/measures/" + m + "-370100").then().statusCode(404);
    as("office").get("/api/v1/tasks/" + m).then().statusCode(404).body("detail", containsString("no task"));
    as("office").body(Api.measureJson("AB-370100", "fy", "[]")).post("/api/v1/measures").then().statusCode(400);
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void aTaskHasTheMeasuresLifeCycle() {
    String m = measureWithTargets();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]");
    // postponed within the measure's deadline only; the committed deadline stays
    as("office").body("{\"newDeadline\":\"2022-01-31\",\"reason\":\"x\"}").post("/api/v1/tasks/" + jn + "/postponements").then().statusCode(400);
    as(jnOffice).body("{\"newDeadline\":\"2021-12-20\",\"reason\":\"施工延误\"}").post("/api/v1/tasks/" + jn + "/postponements").then().statusCode(200)
        .body("deadline", equalTo("2021-12-20")).body("committedDeadline", equalTo("2021-11-30")).body("postponements.size()", equalTo(1));
    // the responsible unit claims, the city verifies; the measure cannot be verified while a task is open
    as(qdReporter).post("/api/v1/tasks/" + jn + "/claim-done").then().statusCode(404);
    as(jnReporter).post("/api/v1/tasks/" + jn + "/claim-done").then().statusCode(200).body("status", equalTo("CLAIMED_DONE"));
    String qd = task(m, "370200", qdUnit, "2021-11-30", "[120]");
    as(jnOffice).post("/api/v1/tasks/" + jn + "/verify").then().statusCode(200).body("status", equalTo("VERIFIED")).body("progress", equalTo(100));
    as("office").get("/api/v1/measures/" + m).then().body("progress", equalTo(70)).body("tasks.closed", equalTo(1));
    as("reporter-fy").post("/api/v1/measures/" + m + "/claim-done").then().statusCode(200);
    as("office").post("/api/v1/measures/" + m + "/verify").then().statusCode(409).body("detail", containsString("open task"));
    as("office").body("{\"openTasksReason\":\"青岛任务转入常态化\"}").post("/api/v1/measures/" + m + "/verify").then().statusCode(200);
    assertThat(Db.text("select new_value from journal_entry where entity_key = ? and field = 'openTasksReason'", m)).isEqualTo("青岛任务转入常态化");
    // reopened with a reason, journaled as a task
    as(jnOffice).body("{\"reason\":\"抽查发现问题\"}").post("/api/v1/tasks/" + jn + "/reopen").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'TASK' and entity_key = ? and action = 'REOPEN'", jn)).isPositive();
    as("office").get("/api/v1/tasks/" + qd + "/journal").then().statusCode(200);
    as(jnReporter).get("/api/v1/tasks/" + jn).then().statusCode(200).body("notes", nullValue());
  }

  @Test
  void theScanFlagsTasksInTheSameStatements() {
    String m = measureWithTargets();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]");
    as("office").post("/api/v1/scans").then().statusCode(200);
    assertThat(Db.text("select overdue::text from measure where code = ?", jn)).isEqualTo("true");
    assertThat(Db.text("select light from measure where code = ?", jn)).isEqualTo("RED");
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'TASK' and entity_key = ? and action = 'SCAN'", jn)).isPositive();
    as(jnOffice).get("/api/v1/tasks/" + jn).then().body("overdue", equalTo(true)).body("light", equalTo("RED"));
    // the reminder ladder: the task's own unit is urged (催办), once, naming the task
    long id = Db.scalar("select id from measure where code = ?", jn);
    long notices = Db.scalar("select count(*) from notice where measure_id = ?", id);
    assertThat(notices).isPositive();
    assertThat(Db.scalar("select count(*) from notice where measure_id = ? and level = 'URGING' and occasion like 'deadline:%'", id)).isEqualTo(1);
    assertThat(Db.text("select subject from notice where measure_id = ? and level = 'URGING' and occasion like 'deadline:%'", id)).contains(jn);
    as("office").post("/api/v1/scans").then().statusCode(200);
    assertThat(Db.scalar("select count(*) from notice where measure_id = ?", id)).isEqualTo(notices);
    assertThat(as("office").queryParam("measure", m).queryParam("overdue", "true").get("/api/v1/tasks").then().extract().jsonPath()
        .getList("items.code", String.class)).isEqualTo(List.of(jn));
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duban.measure.Rollup;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Citizens see their own city (issue 14): a measure's breakdown by city and county, a region's
 * tasks and counts, the pages for both, task events in the feed, the roll-up rule; tasks never
 * pass for measures, and nothing internal of a task leaves through the public side.
 */
@QuarkusTest
class PublicTasksTest {

  String nonce;
  String jnUnit;
  String qdUnit;
  String jnReporter;
  String jnOffice;

  @BeforeEach
  void cityUnitsAndAccounts() {
    nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    jnUnit = "pj" + nonce;
    qdUnit = "pq" + nonce;
    Db.exec("insert into unit (code, name, email, region_code, parent_code, created_at) values (?, '济南市中级人民法院', ?, '370100', 'fy', now())",
        jnUnit, jnUnit + "-secret@duban.test");
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '青岛市中级人民法院', '370200', now())", qdUnit);
    jnReporter = Accounts.reporter(jnUnit);
    jnOffice = Accounts.business("OFFICE");
    Db.exec("update app_user set region_code = '370100' where username in (?, ?)", jnOffice, jnReporter);
  }

  String measureWithTarget() {
    String code = Api.newCode();
    String json = Api.measureJson(code, "fy", "[]").replace("\"deadline\":\"2021-12-31\"}",
        "\"deadline\":\"2021-12-31\",\"targets\":[{\"description\":\"互联网法庭\",\"targetValue\":1400,\"unitLabel\":\"处\"}]}");
    as("office").body(json).post("/api/v1/measures").then().statusCode(201);
    return code;
  }

  String task(String measure, String region, String unit, String deadline, String shares, String notes) {
    return as("office").body("{\"region\":\"" + region + "\",\"unit\":\"" + unit + "\",\"deadline\":\"" + deadline + "\",\"targetShares\":"
            + shares + (notes == null ? "" : ",\"notes\":\"" + notes + "\"") + "}")
        .post("/api/v1/measures/" + measure + "/tasks").then().statusCode(201).extract().path("code");
  }

  int report(String user, String item, int progress, String narrative, String summary, String evidence) {
    return as(user).body("{\"progress\":" + progress + ",\"narrative\":\"" + narrative + "\",\"publicSummary\":\"" + summary
            + "\",\"evidence\":[\"https://intranet.example/" + evidence + "\"]}")
        .post("/api/v1/tasks/" + item + "/reports").then().statusCode(201).extract().path("id");
  }

  String county() {
    String county = "3701" + String.format("%02d", 2 + (int) (System.nanoTime() % 90));
    Db.exec("insert into region (code, name, parent_code, path, level) values (?, '测试区', '370100', '370000/370100/' || ?, 3)"
        + " on conflict do nothing", county, county);
    return county;
  }

  @Test
  void aMeasureIsBrokenDownByCityForEveryoneAndTasksNeverPassForMeasures() {
    String m = measureWithTarget();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]", null);
    String qd = task(m, "370200", qdUnit, "2021-12-31", "[120]", null);
    as("office").body("{\"newDeadline\":\"2021-12-20\",\"reason\":\"公开的延期理由" + nonce + "\"}").post("/api/v1/tasks/" + jn + "/postponements")
        .then().statusCode(200);
    int id = report(jnReporter, jn, 50, "内部叙述", "济南推进中", "x");
    as(jnOffice).post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    Db.exec("update measure set sample = true where code = ?", qd);

    JsonPath b = anonymous().get("/api/v1/public/measures/" + m + "/tasks").then().statusCode(200).extract().jsonPath();
    assertThat(b.getList("code")).containsExactly(jn, qd);
    assertThat(b.getString("[0].measure")).isEqualTo(m);
    assertThat(b.getString("[0].region.code")).isEqualTo("370100");
    assertThat(b.getString("[0].region.name")).isEqualTo("济南市");
    assertThat(b.getString("[0].unit.code")).isEqualTo(jnUnit);
    assertThat(b.getString("[0].unit.name")).isEqualTo("济南市中级人民法院");
    assertThat(b.getInt("[0].progress")).isEqualTo(50);
    assertThat(b.getString("[0].status")).isEqualTo("IN_PROGRESS");
    assertThat(b.getString("[0].light")).isNotNull();
    assertThat(b.getString("[0].committedDeadline")).isEqualTo("2021-11-30");
    assertThat(b.getString("[0].deadline")).isEqualTo("2021-12-20");
    assertThat(b.getString("[0].postponements[0].oldDeadline")).isEqualTo("2021-11-30");
    assertThat(b.getString("[0].postponements[0].newDeadline")).isEqualTo("2021-12-20");
    assertThat(b.getString("[0].postponements[0].reason")).isEqualTo("公开的延期理由" + nonce);
    assertThat(b.getString("[0].postponements[0].approvedAt")).isNotNull();
    assertThat(b.getString("[0].targets[0].share")).isEqualTo("280");
    assertThat(b.getInt("[0].targets[0].position")).isEqualTo(0);
    assertThat(b.getBoolean("[0].sample")).isFalse();
    assertThat(b.getBoolean("[1].sample")).isTrue();
    assertThat(b.getList("[1].postponements")).isEmpty();
    // the public measure shows the same postponement shape as the breakdown does
    anonymous().get("/api/v1/public/measures/" + m).then().statusCode(200).body("progress", equalTo(35));

    // a task is not a measure: no public measure, no breakdown, no timeline of its own; the list lists the measure once
    anonymous().get("/api/v1/public/measures/" + jn).then().statusCode(404).contentType(containsString("application/problem+json"));
    anonymous().get("/api/v1/public/measures/" + jn + "/tasks").then().statusCode(404);
    anonymous().get("/api/v1/public/measures/" + jn + "/timeline").then().statusCode(404);
    anonymous().get("/api/v1/public/measures/J05-370100").then().statusCode(404);
    anonymous().get("/api/v1/public/measures/NOPE" + "/tasks").then().statusCode(404);
    assertThat(anonymous().get("/api/v1/public/measures?q=" + m + "&size=100").then().statusCode(200).extract().jsonPath().getList("items.code"))
        .containsExactly(m);
    String csv = new String(anonymous().get("/api/v1/public/measures.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    assertThat(csv).contains("\r\n" + m + ",").doesNotContain(jn);

    // the measure's page: the table by city, links to the cities' pages, the sample marked
    String page = anonymous().get("/measures/" + m).then().statusCode(200).extract().asString();
    assertThat(page).contains("id=\"tasks\"", "href=\"/regions/370100\"", "济南市", "济南市中级人民法院", "50%", "已延期 1 次", "示例数据", "href=\"/regions\"");
    assertThat(anonymous().get("/measures/" + m + "?lang=en").then().statusCode(200).extract().asString())
        .contains("By city", "postponed 1 time(s)", "sample data");
    assertThat(anonymous().get("/measures/" + measureWithTarget()).then().statusCode(200).extract().asString()).contains("尚未分解到各市");
  }

  @Test
  void aCitysPageHasItsTasksAndItsCountiesAndTheCitiesAreListed() {
    String county = county();
    String countyUnit = jnUnit + "c";
    Db.exec("insert into unit (code, name, region_code, parent_code, created_at) values (?, '区法院', ?, ?, now())", countyUnit, county, jnUnit);
    String m = measureWithTarget();
    String ct = task(m, county, countyUnit, "2021-10-31", "[10]", null);
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]", null);
    String qd = task(m, "370200", qdUnit, "2021-12-31", "[120]", null);
    Db.exec("update measure set sample = true where code = ?", jn);

    JsonPath r = anonymous().get("/api/v1/public/regions/370100").then().statusCode(200).extract().jsonPath();
    assertThat(r.getString("code")).isEqualTo("370100");
    assertThat(r.getString("name")).isEqualTo("济南市");
    assertThat(r.getString("parent.code")).isEqualTo("370000");
    assertThat(r.getList("children.code")).contains(county);
    List<String> codes = r.getList("tasks.code");
    assertThat(codes).contains(jn, ct).doesNotContain(qd);
    assertThat(codes.indexOf(jn)).isLessThan(codes.indexOf(ct));
    assertThat(r.getLong("total")).isEqualTo(codes.size());
    long lit = r.getMap("byLight").values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    assertThat(lit).isEqualTo(codes.size());
    assertThat(r.getMap("byStatus").values().stream().mapToLong(v -> ((Number) v).longValue()).sum()).isEqualTo(codes.size());
    assertThat(r.getLong("overdue")).isEqualTo(r.getList("tasks.findAll { it.overdue }").size());
    int at = codes.indexOf(jn);
    assertThat(r.getString("tasks[" + at + "].measure")).isEqualTo(m);
    assertThat(r.getString("tasks[" + at + "].measureTitle")).isEqualTo("测试事项 " + m);
    assertThat(r.getBoolean("tasks[" + at + "].sample")).isTrue();
    // a county's page has its own only; the province's has all of them
    assertThat(anonymous().get("/api/v1/public/regions/" + county).then().statusCode(200).extract().jsonPath().getList("tasks.code"))
        .contains(ct).doesNotContain(jn);
    assertThat(anonymous().get("/api/v1/public/regions/370000").then().statusCode(200).extract().jsonPath().getList("tasks.code"))
        .contains(ct, jn, qd);
    // the tasks come a page at a time (default and most 1,000); the counts are of all of them
    JsonPath first = anonymous().get("/api/v1/public/regions/370100?size=1").then().statusCode(200).extract().jsonPath();
    JsonPath second = anonymous().get("/api/v1/public/regions/370100?size=1&page=1").then().statusCode(200).extract().jsonPath();
    assertThat(first.getList("tasks.code")).containsExactly(codes.get(0));
    assertThat(second.getList("tasks.code")).containsExactly(codes.get(1));
    assertThat(second.getLong("total")).isEqualTo(codes.size());
    assertThat(second.getInt("page")).isEqualTo(1);
    assertThat(second.getInt("size")).isEqualTo(1);
    assertThat(r.getInt("size")).isEqualTo(1000);
    for (String bad : List.of("size=0", "size=1001", "page=-1", "page=x")) {
      anonymous().get("/api/v1/public/regions/370100?" + bad).then().statusCode(400)
          .contentType(containsString("application/problem+json"));
    }
    anonymous().get("/regions/370100?page=x").then().statusCode(400);
    anonymous().get("/api/v1/public/regions/379999").then().statusCode(404).contentType(containsString("application/problem+json"))
        .body("detail", containsString("379999"));
    anonymous().get("/api/v1/public/regions/x").then().statusCode(404);

    // the pages
    String page = anonymous().get("/regions/370100").then().statusCode(200).contentType(containsString("text/html")).extract().asString();
    assertThat(page).contains("济南市", jn, ct, "href=\"/measures/" + m + "\"", "测试区", "示例数据", "href=\"/regions/" + county + "\"", "汇总规则")
        .doesNotContain(qd).doesNotContain("<script");
    assertThat(anonymous().get("/regions/370100?lang=en").then().statusCode(200).extract().asString())
        .contains("Local tasks", "sample data", "Roll-up rule", jn);
    anonymous().get("/regions/379999").then().statusCode(404);
    String cities = anonymous().get("/regions").then().statusCode(200).extract().asString();
    assertThat(cities).contains("href=\"/regions/370100\"", "济南市", "href=\"/regions/371700\"", "菏泽市").doesNotContain("href=\"/regions/" + county + "\"");
    assertThat(cities.split("href=\"/regions/3").length - 1).isEqualTo(16);
    assertThat(anonymous().get("/").then().statusCode(200).extract().asString()).contains("href=\"/regions\"");
  }

  @Test
  void aTaskEventReadsWellInTheFeedAndTheRollupRuleIsPublished() {
    String m = measureWithTarget();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]", null);
    String summary = "济南已建成互联网法庭" + nonce;
    int id = report(jnReporter, jn, 40, "内部叙述" + nonce, summary, "证据" + nonce);
    as(jnOffice).post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    String feed = new String(anonymous().get("/api/v1/public/feed.atom").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    assertThat(feed).contains("<title>" + jn + " 测试事项 " + m + "（济南市）：进展</title>", summary + "（完成 40%）",
        "api/v1/public/measures/" + m + "/tasks\"");
    // a sample task's events say so
    String qd = task(m, "370200", qdUnit, "2021-11-30", "[120]", null);
    Db.exec("update measure set sample = true where code = ?", qd);
    as("office").body("{\"newDeadline\":\"2021-12-30\",\"reason\":\"示例延期\"}").post("/api/v1/tasks/" + qd + "/postponements").then().statusCode(200);
    assertThat(new String(anonymous().get("/api/v1/public/feed.atom").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8))
        .contains("<title>" + qd + " 测试事项 " + m + "（青岛市）：延期（示例数据）</title>");
    assertThat(feed).doesNotContain("内部叙述" + nonce).doesNotContain("证据" + nonce).doesNotContain(jnReporter).doesNotContain(jnOffice);

    JsonPath rules = anonymous().get("/api/v1/public/rules").then().statusCode(200).extract().jsonPath();
    assertThat(rules.getString("rollup.zh")).isEqualTo(Rollup.TEXT_ZH);
    assertThat(rules.getString("rollup.en")).isEqualTo(Rollup.TEXT_EN);
    assertThat(rules.getList("rollup.aggregations.name")).containsExactly("SUM", "MEAN", "MAX", "MIN", "COVERAGE");
    assertThat(rules.getList("rules.light")).contains("RED", "YELLOW", "GREEN", "CLOSED");
  }

  @Test
  void aRegionAnswerHasAnETagIs304WhenUnchangedAndFollowsATaskChange() {
    String m = measureWithTarget();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]", null);
    for (String url : List.of("/api/v1/public/regions/370100", "/api/v1/public/measures/" + m + "/tasks", "/regions/370100")) {
      Response first = anonymous().get(url);
      first.then().statusCode(200);
      String etag = first.header("ETag");
      assertThat(etag).as(url).startsWith("\"").doesNotStartWith("W/");
      assertThat(first.header("Cache-Control")).contains("public");
      Response again = anonymous().header("If-None-Match", etag).get(url);
      assertThat(again.statusCode()).as(url).isEqualTo(304);
      assertThat(again.asByteArray()).isEmpty();
    }
    Response before = anonymous().get("/api/v1/public/regions/370100");
    String etag = before.header("ETag");
    int id = report(jnReporter, jn, 70, "x", "推进" + nonce, "x");
    as(jnOffice).post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    Response after = anonymous().header("If-None-Match", etag).get("/api/v1/public/regions/370100");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.header("ETag")).isNotEqualTo(etag);
    List<String> codes = after.jsonPath().getList("tasks.code");
    assertThat(after.jsonPath().getInt("tasks[" + codes.indexOf(jn) + "].progress")).isEqualTo(70);
  }

  /**
   * Secrets planted in a task's notes, a task report's narrative and evidence (accepted and
   * pending), a city unit's e-mail and the names of region-scoped accounts leave through no public
   * endpoint and no public page, and every JSON key stays on the allow-list.
   */
  @Test
  void nothingInternalOfATaskLeavesThroughThePublicSide() throws Exception {
    Map<String, String> internal = new LinkedHashMap<>();
    for (String field : List.of("taskNotes", "narrative", "evidence", "pendingNarrative", "pendingSummary", "pendingEvidence")) {
      internal.put(field, "密" + nonce + "-" + field);
    }
    internal.put("email", jnUnit + "-secret@duban.test");
    internal.put("reporter", jnReporter);
    internal.put("office", jnOffice);
    String m = measureWithTarget();
    String jn = task(m, "370100", jnUnit, "2021-11-30", "[280]", internal.get("taskNotes"));
    String published = "公" + nonce + "-summary";
    int id = report(jnReporter, jn, 40, internal.get("narrative"), published, internal.get("evidence"));
    as(jnOffice).post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    report(jnReporter, jn, 60, internal.get("pendingNarrative"), internal.get("pendingSummary"), internal.get("pendingEvidence"));
    // the markers are real: staff see them
    assertThat(as("office").get("/api/v1/tasks/" + jn).then().statusCode(200).extract().asString()).contains(internal.get("taskNotes"));

    List<String> urls = new ArrayList<>(PublicPrivacyTest.publicUrls(m));
    urls.addAll(List.of("/api/v1/public/regions/370100", "/api/v1/public/regions/370000", "/api/v1/public/measures?q=" + m,
        "/", "/?lang=en", "/measures/" + m, "/measures/" + m + "?lang=en", "/regions", "/regions?lang=en", "/regions/370100",
        "/regions/370100?lang=en", "/regions/370000"));
    List<String> problems = new ArrayList<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    for (String url : urls) {
      Response r = anonymous().get(url);
      assertThat(r.statusCode()).as(url).isEqualTo(200);
      String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
      bodies.put(url, body);
      internal.forEach((field, text) -> {
        if (body.contains(text)) {
          problems.add(url + " contains the internal " + field + " '" + text + "'");
        }
      });
      if (r.contentType().startsWith("application/json")) {
        Set<String> keys = new TreeSet<>();
        PublicPrivacyTest.keysOf(PublicPrivacyTest.JSON.readTree(body), keys);
        keys.removeAll(PublicPrivacyTest.ALLOWED);
        if (!keys.isEmpty()) {
          problems.add(url + " has keys outside the allow-list: " + keys);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(bodies.get("/api/v1/public/measures/" + m + "/tasks")).contains(jn, jnUnit, "济南市中级人民法院");
    assertThat(bodies.get("/api/v1/public/regions/370100")).contains(jn);
    assertThat(bodies.get("/regions/370100")).contains(jn);
    assertThat(bodies.get("/api/v1/public/feed.atom")).contains(published);
  }
}

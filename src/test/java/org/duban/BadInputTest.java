package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a 4xx problem+json, never a 5xx, and nothing is written. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  // The cases are built before the application answers, so they name a measure created later.
  static final String code = Api.newCode();
  static String etag;

  static synchronized void aMeasureToAimAt() {
    if (etag == null) {
      Api.as("office").body(Api.measureJson(code, "fy", "[]")).post("/api/v1/measures").then().statusCode(201);
      etag = Api.as("office").get("/api/v1/measures/" + code).then().extract().header("ETag");
    }
  }

  static String validMeasure(String overrides) {
    String base =
        "\"code\":\"" + Api.newCode() + "\",\"area\":\"JUSTICE\",\"title\":\"t\",\"leadUnit\":\"fy\","
            + "\"startDate\":\"2021-05-14\",\"deadline\":\"2021-12-31\"";
    return "{" + base + (overrides.isEmpty() ? "" : "," + overrides) + "}";
  }

  record Bad(String what, String method, String path, String contentType, String body, int status, String field) {}

  Stream<Arguments> cases() {
    // evaluated before the application is up: only strings here
    String big = "{\"title\":\"" + "x".repeat(70 * 1024) + "\"}";
    String reports = "/api/v1/measures/" + code + "/reports";
    return Stream.of(
            new Bad("malformed JSON", "POST", "/api/v1/measures", "application/json", "{\"code\":", 400, null),
            new Bad("not an object", "POST", reports, "application/json", "[1,2,3]", 400, null),
            new Bad("empty body", "POST", reports, "application/json", "", 400, null),
            new Bad("unknown field", "POST", "/api/v1/measures", "application/json", validMeasure("\"bogus\":1"), 400, "bogus"),
            new Bad("wrong type: progress as text", "POST", reports, "application/json", "{\"progress\":\"abc\",\"publicSummary\":\"x\"}", 400, "progress"),
            new Bad("wrong type: progress as a quoted number", "POST", reports, "application/json", "{\"progress\":\"50\",\"publicSummary\":\"x\"}", 400, "progress"),
            new Bad("wrong type: progress as a fraction", "POST", reports, "application/json", "{\"progress\":50.5,\"publicSummary\":\"x\"}", 400, "progress"),
            new Bad("wrong type: title as a number", "POST", "/api/v1/measures", "application/json", validMeasure("\"title\":42").replace("\"title\":\"t\",", ""), 400, "title"),
            new Bad("wrong type: coUnits as a string", "POST", "/api/v1/measures", "application/json", validMeasure("\"coUnits\":\"fy\""), 400, "coUnits"),
            new Bad("progress -1", "POST", reports, "application/json", "{\"progress\":-1,\"publicSummary\":\"x\"}", 400, "progress"),
            new Bad("progress 101", "POST", reports, "application/json", "{\"progress\":101,\"publicSummary\":\"x\"}", 400, "progress"),
            new Bad("progress missing", "POST", reports, "application/json", "{\"publicSummary\":\"x\"}", 400, "progress"),
            new Bad("blank public summary", "POST", reports, "application/json", "{\"progress\":5,\"publicSummary\":\"  \"}", 400, "publicSummary"),
            new Bad("evidence that is not a link", "POST", reports, "application/json", "{\"progress\":5,\"publicSummary\":\"x\",\"evidence\":[\"javascript:alert(1)\"]}", 400, "evidence[0]"),
            new Bad("date 2021-02-30", "POST", "/api/v1/measures", "application/json", validMeasure("").replace("2021-05-14", "2021-02-30"), 400, "startDate"),
            new Bad("date in another format", "POST", "/api/v1/measures", "application/json", validMeasure("").replace("2021-12-31", "31/12/2021"), 400, "deadline"),
            new Bad("deadline before start", "POST", "/api/v1/measures", "application/json", validMeasure("").replace("2021-12-31", "2021-01-01"), 400, "deadline"),
            new Bad("postponement to 2021-02-30", "POST", "/api/v1/measures/" + code + "/postponements", "application/json", "{\"newDeadline\":\"2021-02-30\",\"reason\":\"x\"}", 400, "newDeadline"),
            new Bad("unknown area", "POST", "/api/v1/measures", "application/json", validMeasure("").replace("JUSTICE", "HEALTH"), 400, "area"),
            new Bad("unknown lead unit", "POST", "/api/v1/measures", "application/json", validMeasure("").replace("\"fy\"", "\"nope\""), 400, "leadUnit"),
            new Bad("unknown co-unit", "POST", "/api/v1/measures", "application/json", validMeasure("\"coUnits\":[\"jcy\",\"nope\"]"), 400, "coUnits[1]"),
            new Bad("lead unit as co-unit", "POST", "/api/v1/measures", "application/json", validMeasure("\"coUnits\":[\"fy\"]"), 400, "coUnits[0]"),
            new Bad("a blank milestone title", "POST", "/api/v1/measures", "application/json",
                validMeasure("\"milestones\":[{\"title\":\"立项\",\"dueDate\":\"2021-06-30\"},{\"title\":\" \",\"dueDate\":\"2021-09-30\"}]"), 400, "milestones[1].title"),
            new Bad("a milestone date 2021-02-30", "POST", "/api/v1/measures", "application/json",
                validMeasure("\"milestones\":[{\"title\":\"立项\",\"dueDate\":\"2021-06-30\"},{\"title\":\"x\",\"dueDate\":\"2021-02-30\"}]"), 400, "milestones[1].dueDate"),
            new Bad("bad code", "POST", "/api/v1/measures", "application/json", validMeasure("").replaceFirst("\"code\":\"[^\"]+\"", "\"code\":\"b 1\""), 400, "code"),
            new Bad("unknown measure code", "POST", "/api/v1/measures/NOPE/reports", "application/json", "{\"progress\":5,\"publicSummary\":\"x\"}", 404, null),
            new Bad("unknown report id", "POST", "/api/v1/reports/987654321/accept", "application/json", "", 404, null),
            new Bad("report id not a number", "POST", "/api/v1/reports/abc/accept", "application/json", "", 404, null),
            new Bad("unknown area filter", "GET", "/api/v1/measures?area=HEALTH", null, null, 400, "area"),
            new Bad("page not a number", "GET", "/api/v1/measures?page=abc", null, null, 400, "page"),
            new Bad("size over 100", "GET", "/api/v1/measures?size=101", null, null, 400, "size"),
            new Bad("overdue neither true nor false", "GET", "/api/v1/public/measures?overdue=maybe", null, null, 400, "overdue"),
            new Bad("body over 64 KiB", "PATCH", "/api/v1/measures/" + code, "application/json", big, 413, null),
            new Bad("body over 64 KiB on create", "POST", "/api/v1/measures", "application/json", big, 413, null),
            new Bad("wrong content type", "POST", "/api/v1/measures", "text/plain", validMeasure(""), 415, null),
            new Bad("form instead of JSON", "POST", reports, "application/x-www-form-urlencoded", "progress=5", 415, null),
            new Bad("read-only field in PATCH: status", "PATCH", "/api/v1/measures/" + code, "application/json", "{\"status\":\"VERIFIED\"}", 400, "status"),
            new Bad("read-only field in PATCH: progress", "PATCH", "/api/v1/measures/" + code, "application/json", "{\"progress\":100}", 400, "progress"),
            new Bad("read-only field in PATCH: deadline", "PATCH", "/api/v1/measures/" + code, "application/json", "{\"deadline\":\"2030-01-01\"}", 400, "deadline"),
            new Bad("read-only field in PATCH: committedDeadline", "PATCH", "/api/v1/measures/" + code, "application/json", "{\"committedDeadline\":\"2030-01-01\"}", 400, "committedDeadline"),
            new Bad("blank title in PATCH", "PATCH", "/api/v1/measures/" + code, "application/json", "{\"title\":\"  \"}", 400, "title"),
            new Bad("unsupported method", "DELETE", "/api/v1/measures/" + code, null, null, 405, null))
        .map(b -> Arguments.of(b.what(), b));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isA4xxProblemAndWritesNothing(String what, Bad bad) {
    aMeasureToAimAt();
    Map<String, Object> before = Db.snapshot();
    // a script, not a browser form: it says so (X-Requested-By), so the content type is what is judged (CrossSiteTest)
    var request = given().auth().preemptive().basic("office", Api.PASSWORD).header("If-Match", etag).header("X-Requested-By", "test");
    if (bad.contentType() != null) {
      request = request.contentType(bad.contentType());
    }
    if (bad.body() != null) {
      request = request.body(bad.body());
    }
    Response response = request.request(bad.method(), bad.path());

    assertThat(response.statusCode()).as(what).isEqualTo(bad.status());
    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    Map<String, Object> problem = response.jsonPath().getMap("");
    assertThat(problem).containsKeys("status", "title", "detail");
    assertThat(((Number) problem.get("status")).intValue()).isEqualTo(bad.status());
    String text = response.asString();
    assertThat(text).doesNotContain("Exception", "org.", "java.", "SQL", "select ", "\tat ").doesNotContainPattern("at [a-z]+\\.[a-z]+\\.");
    if (bad.field() != null) {
      List<String> fields = response.jsonPath().getList("errors.field");
      assertThat(fields).as(what + ": " + text).contains(bad.field());
    }
    assertThat(Db.snapshot()).as(what).isEqualTo(before);
  }
}

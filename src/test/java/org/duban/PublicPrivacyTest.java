package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duban.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Nothing private leaks: every public endpoint (found in /q/openapi, so a new one cannot be
 * forgotten) is called, every JSON key is checked against an allow-list, and text planted in the
 * internal fields (a narrative, a returned report's reason, an internal note, a reopen reason, the
 * reporter's and approver's user names, a unit's e-mail address) must appear in no public answer.
 */
@QuarkusTest
class PublicPrivacyTest {

  /** Every key a public JSON answer may hold, at any depth. */
  static final Set<String> ALLOWED = Set.of(
      // pages
      "items", "page", "size", "total",
      // a measure
      "code", "area", "title", "summary", "leadUnit", "coUnits", "name", "startDate", "committedDeadline", "deadline",
      "status", "progress", "light", "overdue", "overdueDays", "postponements", "lastUpdate",
      // a postponement, a timeline event
      "oldDeadline", "newDeadline", "reason", "approvedAt", "kind", "at",
      // the summary
      "byArea", "byStatus", "byLight", "BUSINESS", "STABILITY", "JUSTICE", "NOT_STARTED", "IN_PROGRESS", "CLAIMED_DONE",
      "VERIFIED", "SUSPENDED", "GREEN", "YELLOW", "RED", "CLOSED",
      // the rules
      "zone", "nearDeadlineDays", "lagPoints", "rules", "zh", "en", "reportingWindowClosingDay", "reminderDays",
      "bulletinAfterDays",
      // the audit trail's daily checkpoints (its chain's head and MAC: no row of the trail)
      "date", "lastEventId", "headHash", "mac",
      // errors (problem+json)
      "type", "detail", "instance", "errors", "field", "message");

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void noPublicAnswerHoldsAKeyOutsideTheAllowListOrAnyInternalText() throws Exception {
    String secret = "机密" + System.nanoTime();
    String unit = "pv" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    String reporter = "reporter-" + unit;
    String email = unit + "-secret@duban.test";
    as("admin").body("{\"code\":\"" + unit + "\",\"name\":\"隐私测试单位\",\"email\":\"" + email + "\"}").post("/api/v1/units").then().statusCode(201);
    as("admin").body("{\"username\":\"" + reporter + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"REPORTER\",\"unit\":\"" + unit + "\"}")
        .post("/api/v1/users").then().statusCode(201);
    String code = Api.createMeasure(unit, "fy");
    String etag = as("office").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("office").header("If-Match", etag).body("{\"notes\":\"内部备注" + secret + "\",\"sourceQuote\":\"原文\"}")
        .patch("/api/v1/measures/" + code).then().statusCode(200);
    // an accepted report (its narrative is internal), a returned one (its reason is internal), a pending one
    int accepted = report(reporter, code, 40, "叙述A" + secret, "公开进展甲");
    as("office").post("/api/v1/reports/" + accepted + "/accept").then().statusCode(200);
    int returned = report(reporter, code, 50, "叙述B" + secret, "被退回的摘要" + secret);
    as("office").body("{\"reason\":\"退回理由" + secret + "\"}").post("/api/v1/reports/" + returned + "/return").then().statusCode(200);
    report(reporter, code, 60, "叙述C" + secret, "待审的摘要" + secret);
    as("office").body("{\"newDeadline\":\"2022-06-30\",\"reason\":\"公开的延期理由\"}").post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);
    etag = as("reporter-" + unit).get("/api/v1/measures/" + code).then().extract().header("ETag");
    as(reporter).header("If-Match", etag).post("/api/v1/measures/" + code + "/claim-done").then().statusCode(200);
    etag = as("office").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("office").header("If-Match", etag).body("{\"reason\":\"重办理由" + secret + "\"}").post("/api/v1/measures/" + code + "/reopen").then().statusCode(200);

    List<String> urls = publicUrls(code);
    assertThat(urls).hasSizeGreaterThanOrEqualTo(7);
    Set<String> forbidden = Set.of(secret, reporter, email, "@duban.test");
    List<String> problems = new ArrayList<>();
    for (String url : urls) {
      Response r = anonymous().get(url);
      assertThat(r.statusCode()).as(url).isEqualTo(200);
      String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
      for (String f : forbidden) {
        if (body.contains(f)) {
          problems.add(url + " contains internal text '" + f + "'");
        }
      }
      if (r.contentType().startsWith("application/json")) {
        Set<String> keys = new TreeSet<>();
        keysOf(JSON.readTree(body), keys);
        keys.removeAll(ALLOWED);
        if (!keys.isEmpty()) {
          problems.add(url + " has keys outside the allow-list: " + keys);
        }
      }
    }
    assertThat(problems).isEmpty();
    // the public summary of the accepted report is public, the reason of the postponement too
    assertThat(anonymous().get("/api/v1/public/measures/" + code + "/timeline").asString()).contains("公开进展甲", "公开的延期理由");
  }

  /** Every GET under /api/v1/public in the OpenAPI document, with the path parameter filled in. */
  static List<String> publicUrls(String code) {
    Map<String, Map<String, Object>> paths = anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
    List<String> urls = new ArrayList<>();
    for (var e : paths.entrySet()) {
      if (e.getKey().startsWith("/api/v1/public") && e.getValue().containsKey("get")) {
        String url = e.getKey().replace("{code}", code);
        assertThat(url).as("a path parameter this test does not know").doesNotContain("{");
        urls.add(url);
        if (url.endsWith("/measures")) {
          urls.add(url + "?q=测试事项&size=100");
          urls.add(url + "?unit=fy&size=100");
        }
      }
    }
    return urls;
  }

  static int report(String reporter, String code, int progress, String narrative, String summary) {
    return as(reporter).body("{\"progress\":" + progress + ",\"narrative\":\"" + narrative + "\",\"publicSummary\":\"" + summary + "\"}")
        .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id");
  }

  static void keysOf(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var f = it.next();
        keys.add(f.getKey());
        keysOf(f.getValue(), keys);
      }
    } else if (node.isArray()) {
      node.forEach(n -> keysOf(n, keys));
    }
  }
}

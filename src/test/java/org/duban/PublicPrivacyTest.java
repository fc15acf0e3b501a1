package org.duban;

import static io.restassured.RestAssured.given;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duban.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Nothing private leaks: every public output (the API's paths found in /q/openapi, so a new one
 * cannot be forgotten, and the public pages) is fetched, every JSON key is checked against an
 * allow-list, and a marker planted in every internal field (notes, source quote, assumptions,
 * milestones, targets, narratives, evidence links, the summaries of returned and pending reports,
 * return, reopen, suspension and resumption reasons, a unit's e-mail address, the actors' user
 * names, the client address) must appear in none of them, while every published text (a measure's
 * title and summary, a unit's name, accepted summaries, postponement reasons, the public sentences
 * of claims, suspension, resumption and verification) must appear where it belongs.
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
      "date", "lastEventId", "headHash", "mac", "auditAnchor",
      // a task in a measure's breakdown or a region's list; a region (issue 14); the roll-up rule
      "measure", "measureTitle", "region", "unit", "targets", "position", "share", "actual", "sample",
      "parent", "children", "tasks", "rollup", "aggregations",
      // errors (problem+json)
      "type", "detail", "instance", "errors", "field", "message");

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void noPublicOutputHoldsAKeyOutsideTheAllowListOrAnyInternalTextAndThePublishedTextsAreThere() throws Exception {
    String nonce = Long.toString(System.nanoTime(), 36);
    String unit = "pv" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    String reporter = "reporter-" + unit;
    String officer = "officer-" + unit;
    // every internal text gets its own marker, so that a leak names the field
    Map<String, String> internal = new LinkedHashMap<>();
    for (String field : List.of("notes", "sourceQuote", "assumption", "milestoneTitle", "milestoneAssumption", "targetDescription",
        "targetUnit", "targetAssumption", "narrative", "evidence", "returnedNarrative", "returnedSummary", "returnReason",
        "pendingNarrative", "pendingSummary", "reopenReason", "suspendReason", "resumeReason", "otherSuspendReason")) {
      internal.put(field, "密" + nonce + "-" + field);
    }
    internal.put("email", unit + "-secret@duban.test");
    internal.put("reporter", reporter);
    internal.put("officer", officer);
    internal.put("clientIp", "127.0.0.1");
    // and every published text too, to show the outputs were really searched
    Map<String, String> published = new LinkedHashMap<>();
    for (String field : List.of("unitName", "title", "summary", "reportSummary", "postponementReason", "claimSummary",
        "suspendSummary", "resumeSummary", "claimAgainSummary", "verifySummary")) {
      published.put(field, "公" + nonce + "-" + field);
    }
    String title = "隐私测试事项" + published.get("title");

    as("admin").body(json("code", unit, "name", published.get("unitName"), "email", internal.get("email"))).post("/api/v1/units").then().statusCode(201);
    as("admin").body(json("username", reporter, "password", Api.PASSWORD, "role", "REPORTER", "unit", unit)).post("/api/v1/users").then().statusCode(201);
    as("admin").body(json("username", officer, "password", Api.PASSWORD, "role", "OFFICE")).post("/api/v1/users").then().statusCode(201);

    // measure A goes the whole way: reports, a postponement, a claim, reopening, suspension, resumption, verification
    String a = Api.newCode();
    as(officer).body("""
        {"code":"%s","area":"JUSTICE","title":"%s","summary":"%s","leadUnit":"%s","coUnits":["fy"],
         "startDate":"2021-05-14","deadline":"2021-12-31","sourceQuote":"%s","notes":"%s","assumptions":["%s"],
         "milestones":[{"title":"%s","dueDate":"2021-09-30","assumption":"%s"}],
         "targets":[{"description":"%s","targetValue":3,"unitLabel":"%s","dueDate":"2021-12-31","assumption":"%s"}]}
        """.formatted(a, title, published.get("summary"), unit, internal.get("sourceQuote"), internal.get("notes"),
            internal.get("assumption"), internal.get("milestoneTitle"), internal.get("milestoneAssumption"),
            internal.get("targetDescription"), internal.get("targetUnit"), internal.get("targetAssumption")))
        .post("/api/v1/measures").then().statusCode(201);
    int accepted = as(reporter).body("{\"progress\":40,\"narrative\":\"" + internal.get("narrative") + "\",\"publicSummary\":\""
            + published.get("reportSummary") + "\",\"evidence\":[\"https://intranet.example/" + internal.get("evidence") + "\"]}")
        .post("/api/v1/measures/" + a + "/reports").then().statusCode(201).extract().path("id");
    as(officer).post("/api/v1/reports/" + accepted + "/accept").then().statusCode(200);
    int returned = report(reporter, a, 50, internal.get("returnedNarrative"), internal.get("returnedSummary"));
    as(officer).body(json("reason", internal.get("returnReason"))).post("/api/v1/reports/" + returned + "/return").then().statusCode(200);
    int pending = report(reporter, a, 60, internal.get("pendingNarrative"), internal.get("pendingSummary"));
    as(officer).body(json("newDeadline", "2022-06-30", "reason", published.get("postponementReason")))
        .post("/api/v1/measures/" + a + "/postponements").then().statusCode(200);
    as(reporter).body(json("publicSummary", published.get("claimSummary"))).post("/api/v1/measures/" + a + "/claim-done").then().statusCode(200);
    as(officer).body(json("reason", internal.get("reopenReason"))).post("/api/v1/measures/" + a + "/reopen").then().statusCode(200);
    as(officer).body(json("reason", internal.get("suspendReason"), "publicSummary", published.get("suspendSummary")))
        .post("/api/v1/measures/" + a + "/suspend").then().statusCode(200);
    as(officer).body(json("reason", internal.get("resumeReason"), "publicSummary", published.get("resumeSummary")))
        .post("/api/v1/measures/" + a + "/resume").then().statusCode(200);
    as(reporter).body(json("publicSummary", published.get("claimAgainSummary"))).post("/api/v1/measures/" + a + "/claim-done").then().statusCode(200);
    as(officer).body(json("publicSummary", published.get("verifySummary"))).post("/api/v1/measures/" + a + "/verify").then().statusCode(200);
    // measure B stays suspended, with a reason and no public sentence
    String b = Api.newCode();
    as(officer).body(Api.measureJson(b, unit, "[]").replace("测试事项", "隐私测试事项")).post("/api/v1/measures").then().statusCode(201);
    as(officer).body(json("reason", internal.get("otherSuspendReason"))).post("/api/v1/measures/" + b + "/suspend").then().statusCode(200);
    // the internal texts are where staff see them (so the markers are real)
    assertThat(as(officer).get("/api/v1/measures/" + b).then().extract().asString()).contains(internal.get("otherSuspendReason"));
    assertThat(as(officer).get("/api/v1/measures/" + a + "/journal?size=100").then().extract().asString())
        .contains(internal.get("suspendReason"), internal.get("resumeReason"), internal.get("reopenReason"), officer, "127.0.0.1");

    // evidence files (issue 15): a photo the office published is served without its name, uploader,
    // EXIF (GPS position) or comment; a PDF never published is not there at all
    internal.put("fileName", "密" + nonce + "-fileName");
    internal.put("photoExif", "Exif");
    internal.put("photoComment", "Zhang San");
    long photo = ((Number) given().auth().preemptive().basic(reporter, Api.PASSWORD).header("X-Requested-By", "test")
        .multiPart("file", internal.get("fileName") + ".jpg", org.duban.support.EvidenceSamples.jpegWithGps(), "image/jpeg")
        .post("/api/v1/reports/" + pending + "/files").then().statusCode(201).extract().path("id")).longValue();
    long document = ((Number) given().auth().preemptive().basic(reporter, Api.PASSWORD).header("X-Requested-By", "test")
        .multiPart("file", internal.get("fileName") + ".pdf", org.duban.support.EvidenceSamples.pdf(), "application/pdf")
        .post("/api/v1/reports/" + pending + "/files").then().statusCode(201).extract().path("id")).longValue();
    as(officer).body("{\"public\":true}").patch("/api/v1/files/" + photo).then().statusCode(200);
    anonymous().get("/api/v1/public/files/" + document).then().statusCode(404);

    Map<String, String> bodies = new LinkedHashMap<>();
    List<String> urls = new ArrayList<>(publicUrls(a));
    urls.add("/api/v1/public/files/" + photo);
    urls.addAll(publicUrls(b));
    urls.addAll(List.of("/api/v1/public/measures?q=隐私测试事项&size=100", "/api/v1/public/measures?unit=" + unit + "&size=100",
        "/api/v1/public/measures?status=SUSPENDED&size=100", "/", "/?lang=en", "/?q=隐私测试事项", "/?q=隐私测试事项&lang=en",
        "/?status=SUSPENDED", "/measures/" + a, "/measures/" + a + "?lang=en", "/measures/" + b, "/measures/" + b + "?lang=en"));
    assertThat(urls).hasSizeGreaterThanOrEqualTo(2 * 7 + 12 + 1);
    List<String> problems = new ArrayList<>();
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
        keysOf(JSON.readTree(body), keys);
        keys.removeAll(ALLOWED);
        if (!keys.isEmpty()) {
          problems.add(url + " has keys outside the allow-list: " + keys);
        }
      }
    }
    assertThat(problems).isEmpty();

    // the published texts are there: every timeline sentence in the timeline, the feed and the page
    List<String> timeline = List.of(published.get("reportSummary"), published.get("postponementReason"), published.get("claimSummary"),
        published.get("suspendSummary"), published.get("resumeSummary"), published.get("claimAgainSummary"), published.get("verifySummary"));
    assertThat(bodies.get("/api/v1/public/measures/" + a + "/timeline")).contains(timeline);
    assertThat(bodies.get("/api/v1/public/feed.atom")).contains(timeline);
    assertThat(bodies.get("/measures/" + a)).contains(timeline).contains(title, published.get("summary"), published.get("unitName"));
    assertThat(bodies.get("/api/v1/public/measures/" + a))
        .contains(title, published.get("summary"), published.get("unitName"), published.get("postponementReason"));
    assertThat(bodies.get("/api/v1/public/measures.csv")).contains(title, published.get("summary"), published.get("unitName"));
    assertThat(bodies.get("/?q=隐私测试事项")).contains(title, published.get("unitName"));
    // a suspension without a public sentence says only that it happened
    assertThat(bodies.get("/api/v1/public/measures/" + b + "/timeline")).contains("\"kind\":\"SUSPENDED\"", "暂缓推进");
    assertThat(bodies.get("/api/v1/public/measures/" + b)).contains("\"status\":\"SUSPENDED\"");
  }

  /**
   * Supervision's texts are internal, every one: a group's name, an inspection's findings, a visit's
   * place, participants, findings and follow-ups, a rectification item's title, finding, required
   * outcome and its reports. Each planted with its own marker, none may reach any public output.
   */
  @Test
  void noSupervisionTextReachesThePublic() throws Exception {
    String nonce = Long.toString(System.nanoTime(), 36);
    Map<String, String> internal = new LinkedHashMap<>();
    for (String field : List.of("groupName", "findings", "place", "participants", "visitFindings", "followUp", "title", "finding",
        "requiredOutcome", "narrative", "reportSummary", "claimSummary", "verifySummary")) {
      internal.put(field, "督" + nonce + "-" + field);
    }
    String leader = org.duban.support.Accounts.business("LEADER");
    String m = Api.createMeasure("fy");
    as("office").body("{\"leaders\":[\"" + leader + "\"]}").put("/api/v1/measures/" + m + "/contact-leaders").then().statusCode(200);
    long g = ((Number) as("office").body(json("name", internal.get("groupName"))).post("/api/v1/groups").then().statusCode(201)
        .extract().path("id")).longValue();
    as("office").body("{\"name\":\"" + internal.get("groupName") + "\",\"members\":[\"" + leader + "\"],\"units\":[\"fy\"]}")
        .put("/api/v1/groups/" + g).then().statusCode(200);
    long i = ((Number) as(leader).body("{\"group\":" + g + ",\"date\":\"2021-09-15\",\"unit\":\"fy\",\"items\":[\"" + m + "\"],\"findings\":\""
        + internal.get("findings") + "\"}").post("/api/v1/inspections").then().statusCode(201).extract().path("id")).longValue();
    as(leader).body("{\"item\":\"" + m + "\",\"date\":\"2021-08-20\",\"place\":\"" + internal.get("place") + "\",\"participants\":\""
        + internal.get("participants") + "\",\"findings\":\"" + internal.get("visitFindings") + "\",\"followUps\":[\"" + internal.get("followUp")
        + "\"]}").post("/api/v1/visits").then().statusCode(201);
    long id = ((Number) as("office").body("{\"concerns\":\"" + m + "\",\"unit\":\"fy\",\"deadline\":\"2099-10-31\",\"title\":\""
        + internal.get("title") + "\",\"finding\":\"" + internal.get("finding") + "\",\"requiredOutcome\":\"" + internal.get("requiredOutcome")
        + "\",\"inspection\":" + i + "}").post("/api/v1/rectifications").then().statusCode(201).extract().path("id")).longValue();
    int report = as("reporter-fy").body("{\"progress\":70,\"narrative\":\"" + internal.get("narrative") + "\",\"publicSummary\":\""
        + internal.get("reportSummary") + "\"}").post("/api/v1/rectifications/" + id + "/reports").then().statusCode(201).extract().path("id");
    as("office").post("/api/v1/reports/" + report + "/accept").then().statusCode(200);
    as("reporter-fy").body(json("publicSummary", internal.get("claimSummary"))).post("/api/v1/rectifications/" + id + "/claim-done").then().statusCode(200);
    as("office").body(json("publicSummary", internal.get("verifySummary"))).post("/api/v1/rectifications/" + id + "/verify").then().statusCode(200);
    // the markers are where staff see them
    assertThat(as("office").get("/api/v1/rectifications/" + id).then().extract().asString()).contains(internal.get("title"), internal.get("finding"));

    List<String> urls = new ArrayList<>(publicUrls(m));
    urls.addAll(List.of("/api/v1/public/measures?size=100", "/", "/measures/" + m, "/regions/370000", "/regions", "/api/v1/public/measures.csv"));
    List<String> problems = new ArrayList<>();
    for (String url : urls) {
      Response r = anonymous().get(url);
      assertThat(r.statusCode()).as(url).isEqualTo(200);
      String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
      internal.forEach((field, text) -> {
        if (body.contains(text)) {
          problems.add(url + " contains the internal " + field);
        }
      });
      if (body.contains("\"ZG" + id + "\"") || body.contains(">ZG" + id + "<")) {
        problems.add(url + " names the rectification item ZG" + id);
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Every text a staff member writes through the API says in the API description where it goes:
   * "published" or "internal" (passwords are neither: they are never shown to anyone).
   */
  @Test
  void everyTextFieldOfARequestSaysWhetherItIsPublishedOrInternal() {
    Map<String, Object> api = anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) ((Map<String, Object>) api.get("components")).get("schemas");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) api.get("paths");
    Set<String> requests = new TreeSet<>();
    paths.forEach((path, ops) -> ops.forEach((method, op) -> {
      if (op.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content
          && content.get("application/json") instanceof Map<?, ?> json && json.get("schema") instanceof Map<?, ?> schema) {
        collect(schema, schemas, requests);
      }
    }));
    assertThat(requests).contains("CreateMeasure", "PatchMeasure", "SubmitReport", "Postpone", "Note", "Reason", "Suspend", "Resume",
        "CreateUnit", "CreateUser", "MilestoneInput", "TargetInput");
    List<String> unclassified = new ArrayList<>();
    for (String name : requests) {
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schemas.get(name).get("properties");
      if (properties == null) {
        continue; // an enum (Area, Role)
      }
      properties.forEach((field, p) -> {
        Object items = p.get("items");
        // a date or an enum is a reference to its own schema, not free text
        boolean reference = p.containsKey("$ref") || p.containsKey("allOf") || p.containsKey("oneOf") || p.containsKey("anyOf");
        boolean text = !reference && "string".equals(p.get("type")) && p.get("format") == null && p.get("enum") == null
            || "array".equals(p.get("type")) && items instanceof Map<?, ?> i && "string".equals(i.get("type")) && i.get("format") == null;
        String description = String.valueOf(p.get("description"));
        if (text && !field.toLowerCase().contains("password")
            && !(description.startsWith("published") || description.startsWith("internal"))) {
          unclassified.add(name + "." + field);
        }
      });
    }
    assertThat(unclassified).isEmpty();
  }

  @SuppressWarnings("unchecked")
  static void collect(Map<?, ?> schema, Map<String, Map<String, Object>> schemas, Set<String> found) {
    if (schema.get("$ref") instanceof String ref) {
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      if (found.add(name)) {
        collect(schemas.get(name), schemas, found);
      }
      return;
    }
    if (schema.get("items") instanceof Map<?, ?> items) {
      collect(items, schemas, found);
    }
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.values().forEach(p -> collect((Map<?, ?>) p, schemas, found));
    }
    for (String combined : List.of("allOf", "anyOf", "oneOf")) {
      if (schema.get(combined) instanceof List<?> parts) {
        parts.forEach(p -> collect((Map<?, ?>) p, schemas, found));
      }
    }
  }

  /** A JSON object from name, value pairs (strings). */
  static String json(String... pairs) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return JSON.writeValueAsString(m);
  }

  /** Every GET under /api/v1/public in the OpenAPI document, with the path parameter filled in. */
  static List<String> publicUrls(String code) {
    Map<String, Map<String, Object>> paths = anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
    List<String> urls = new ArrayList<>();
    for (var e : paths.entrySet()) {
      if (e.getKey().equals("/api/v1/public/files/{id}")) {
        continue; // a published photo: the test adds it with its id
      }
      if (e.getKey().startsWith("/api/v1/public") && e.getValue().containsKey("get")) {
        // a region's path takes the province (every task), a measure's the measure's code
        String url = e.getKey().replace("/regions/{code}", "/regions/370000").replace("{code}", code);
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

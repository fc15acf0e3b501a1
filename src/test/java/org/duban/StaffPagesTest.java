package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/** The staff pages: form login, and on each page only the actions the user's role can take. */
@QuarkusTest
class StaffPagesTest {

  static final RestAssuredConfig UTF8 = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().defaultContentCharset("UTF-8"));
  static final Pattern FORM = Pattern.compile("<form[^>]*action=\"(/staff/[^\"]+)\"");

  /** Signs in through the login form and returns the session cookie. */
  static String login(String user) {
    return login(user, Api.PASSWORD);
  }

  static String login(String user, String password) {
    Response r = given().config(UTF8).redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.header("Location")).endsWith("/staff");
    String cookie = r.getCookie("duban-session");
    assertThat(cookie).isNotBlank();
    assertThat(r.header("Set-Cookie")).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    return cookie;
  }

  static RequestSpecification page(String session) {
    return given().config(UTF8).redirects().follow(false).cookie("duban-session", session);
  }

  static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** The anti-CSRF token the pages give this session's user. */
  static String token(String session) {
    Matcher m = TOKEN.matcher(page(session).get("/staff/measures").then().statusCode(200).extract().asString());
    assertThat(m.find()).as("a csrf field on the page").isTrue();
    return m.group(1);
  }

  /** A form post as the browser sends it: with the session cookie and the page's token. */
  static RequestSpecification form(String session) {
    return page(session).contentType(ContentType.URLENC).formParam("csrf", token(session));
  }

  /** The form actions a page offers. */
  static List<String> forms(String html) {
    Matcher m = FORM.matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void anonymousReadersAreSentToTheLoginFormButTheApiStillSays401() {
    given().redirects().follow(false).get("/staff/dashboard").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/login"));
    given().get("/api/v1/measures").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
    String html = given().config(UTF8).get("/login").then().statusCode(200).contentType("text/html").extract().asString();
    assertThat(html).contains("<label for=\"j_username\">用户名</label>", "action=\"/j_security_check\"");
    assertThat(given().config(UTF8).get("/login?lang=en").then().extract().asString()).contains("User name", "lang=\"en\"");
    Response bad = given().redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("j_username", "office").formParam("j_password", "wrong-password").post("/j_security_check");
    assertThat(bad.statusCode()).isEqualTo(302);
    assertThat(bad.header("Location")).endsWith("/login?error=1");
    assertThat(bad.getCookie("duban-session")).isNull();
  }

  @Test
  void eachRoleSeesOnlyTheFormsItMayUse() {
    String code = Api.createMeasure("fy", "jcy");
    String path = "/staff/measures/" + code;
    // the lead unit's reporter: report and claim done; a co-unit's reporter: report only
    assertThat(forms(page(login("reporter-fy")).get(path).then().statusCode(200).extract().asString()))
        .containsExactlyInAnyOrder(path + "/reports", path + "/claim-done");
    assertThat(forms(page(login("reporter-jcy")).get(path).then().statusCode(200).extract().asString()))
        .containsExactly(path + "/reports");
    // a reporter of another unit does not see the measure at all
    page(login("reporter-gat")).get(path).then().statusCode(404);
    // a leader reads and acts on nothing
    String leaderHtml = page(login("leader")).get(path).then().statusCode(200).extract().asString();
    assertThat(forms(leaderHtml)).isEmpty();
    // the office: report and postpone; with a pending report also accept and return
    // (tasks-ui, issue 14: and, while the measure is open, the form adding a local task)
    String office = login("office");
    assertThat(forms(page(office).get(path).then().extract().asString()))
        .containsExactlyInAnyOrder(path + "/reports", path + "/postpone", path + "/tasks");
    int id = as("reporter-fy").body("{\"progress\":30,\"publicSummary\":\"已启动\",\"narrative\":\"内部说明\"}")
        .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id");
    // (evidence files, issue 15: and the report's upload form, for the office supervising it)
    assertThat(forms(page(office).get(path).then().extract().asString()))
        .containsExactlyInAnyOrder(path + "/reports", path + "/postpone", path + "/tasks", path + "/reports/" + id + "/accept", path + "/reports/" + id + "/return",
            "/staff/reports/" + id + "/files");
    // claimed done: the office verifies or reopens; verified: only reopen remains, and no one reports
    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200);
    String etag = as("reporter-fy").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("reporter-fy").header("If-Match", etag).post("/api/v1/measures/" + code + "/claim-done").then().statusCode(200);
    assertThat(forms(page(office).get(path).then().extract().asString()))
        .containsExactlyInAnyOrder(path + "/reports", path + "/postpone", path + "/tasks", path + "/verify", path + "/reopen");
    etag = as("office").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("office").header("If-Match", etag).post("/api/v1/measures/" + code + "/verify").then().statusCode(200);
    assertThat(forms(page(office).get(path).then().extract().asString())).containsExactly(path + "/reopen");
    assertThat(forms(page(login("reporter-fy")).get(path).then().extract().asString())).isEmpty();
  }

  @Test
  void aFormTheRoleMayNotUseIsRefusedAndChangesNothing() {
    String code = Api.createMeasure("fy");
    Map<String, Object> before = Db.snapshot();
    form(login("leader")).formParam("progress", "50").formParam("publicSummary", "x")
        .post("/staff/measures/" + code + "/reports").then().statusCode(403);
    form(login("reporter-gat")).formParam("progress", "50").formParam("publicSummary", "x")
        .post("/staff/measures/" + code + "/reports").then().statusCode(404);
    form(login("reporter-fy")).formParam("version", "0").formParam("newDeadline", "2022-06-30").formParam("reason", "x")
        .post("/staff/measures/" + code + "/postpone").then().statusCode(403);
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void aReportThroughTheFormsIsAcceptedAndABadOneExplained() {
    String code = Api.createMeasure("sft");
    String path = "/staff/measures/" + code;
    String reporter = login("reporter-sft");
    form(reporter).formParam("progress", "45").formParam("publicSummary", "完成调研").formParam("narrative", "内部")
        .post(path + "/reports").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(path + "?done=report"));
    // a bad value re-renders the page with the reason and writes nothing
    Map<String, Object> before = Db.snapshot();
    String bad = form(reporter).formParam("progress", "150").formParam("publicSummary", "超过")
        .post(path + "/reports").then().statusCode(400).contentType("text/html").extract().asString();
    assertThat(bad).contains("id=\"error\"", "progress");
    assertThat(Db.snapshot()).isEqualTo(before);
    // the office accepts through its form; the measure takes the progress
    String office = login("office");
    String html = page(office).get(path).then().extract().asString();
    String accept = forms(html).stream().filter(a -> a.endsWith("/accept")).findFirst().orElseThrow();
    form(office).post(accept).then().statusCode(303);
    assertThat(as("office").get("/api/v1/measures/" + code).then().extract().jsonPath().getInt("progress")).isEqualTo(45);
    // a stale page (an old version) cannot postpone: the page says why
    String stale = form(office).formParam("version", "0").formParam("newDeadline", "2022-06-30").formParam("reason", "调整")
        .post(path + "/postpone").then().statusCode(412).extract().asString();
    assertThat(stale).contains("id=\"error\"");
  }

  @Test
  void theDashboardIsForLeadershipAndSpeaksEnglishOnRequest() {
    String leader = login("leader");
    String zh = page(leader).get("/staff/dashboard").then().statusCode(200).extract().asString();
    assertThat(zh).contains("领导驾驶舱", "<svg", "id=\"area-light\"").doesNotContain("<script");
    long total = Api.anonymous().get("/api/v1/public/summary").then().extract().jsonPath().getLong("total");
    assertThat(zh).contains("<div class=\"big\" id=\"total\">" + total + "</div>");
    String en = page(leader).get("/staff/dashboard?lang=en").then().statusCode(200).extract().asString();
    assertThat(en).contains("Leadership dashboard", "Lights by area");
    // the choice is remembered
    assertThat(page(leader).cookie("duban-lang", "en").get("/staff/measures").then().extract().asString()).contains("Measures", "Filter");
    page(login("reporter-fy")).get("/staff/dashboard").then().statusCode(403);
    page(login("reporter-fy")).get("/staff").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/staff/measures"));
  }

  @Test
  void aFormPostWithoutTheTokenOrWithAnotherUsersIsRefusedAndChangesNothing() {
    String code = Api.createMeasure("fy");
    String session = login("reporter-fy");
    java.util.Map<String, Object> before = Db.snapshot();
    page(session).contentType(ContentType.URLENC).formParam("progress", "50").formParam("publicSummary", "伪造")
        .post("/staff/measures/" + code + "/reports").then().statusCode(403);
    page(session).contentType(ContentType.URLENC).formParam("csrf", token(login("office"))).formParam("progress", "50").formParam("publicSummary", "伪造")
        .post("/staff/measures/" + code + "/reports").then().statusCode(403);
    assertThat(Db.snapshot()).isEqualTo(before);
    form(session).formParam("progress", "50").formParam("publicSummary", "真的").post("/staff/measures/" + code + "/reports").then().statusCode(303);
  }

  @Test
  void logoutEndsTheSessionOnTheServerToo() {
    String session = login("leader");
    page(session).get("/staff/dashboard").then().statusCode(200);
    Response out = form(session).post("/logout");
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.header("Set-Cookie")).contains("duban-session=;").containsIgnoringCase("Max-Age=0");
    // a copy of the old cookie is worth nothing now
    page(session).get("/staff/dashboard").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/login"));
    // signing in again works, and the API with Basic was never affected
    page(login("leader")).get("/staff/dashboard").then().statusCode(200);
    as("leader").get("/api/v1/dashboard").then().statusCode(200);
  }
}

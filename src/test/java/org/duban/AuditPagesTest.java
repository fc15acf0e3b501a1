package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.support.Api;
import org.duban.support.Pages;
import org.junit.jupiter.api.Test;

/** The auditor's pages: the audit trail with its filters and the chain check; a measure's journal (office, auditor). */
@QuarkusTest
class AuditPagesTest {

  static final Pattern ROW = Pattern.compile("<tr data-id=\"(\\d+)\" data-action=\"([A-Z_]+)\" data-result=\"([A-Z]+)\">");

  /** The rows of the audit table: action and result of each. */
  static List<String[]> rows(String html) {
    Matcher m = ROW.matcher(html);
    List<String[]> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2), m.group(3)});
    }
    return out;
  }

  @Test
  void theAuditorFiltersTheTrailByWhoWhatResultAndDate() {
    Api.createMeasure("fy"); // a WRITE by the office
    as("leader").body("{}").post("/api/v1/measures").then().statusCode(403); // a DENIED row for the leader
    String auditor = Pages.session("auditor");
    String all = Pages.page(auditor).get("/staff/audit").then().statusCode(200).extract().asString();
    assertThat(all).contains("审计日志", "action=\"/staff/audit/verify\"", "<label for=\"f-actor\">", "href=\"/staff/audit\" aria-current=\"page\"");
    assertThat(rows(all)).isNotEmpty();
    assertThat(Pages.page(auditor).get("/staff/audit?lang=en").then().statusCode(200).extract().asString())
        .contains("Audit trail", "Check the audit chain");
    String writes = Pages.page(auditor).get("/staff/audit?actor=office&action=WRITE").then().statusCode(200).extract().asString();
    assertThat(rows(writes)).isNotEmpty().allSatisfy(r -> assertThat(r[1]).isEqualTo("WRITE"));
    assertThat(writes).contains("value=\"office\"");
    String denied = Pages.page(auditor).get("/staff/audit?actor=leader&result=DENIED").then().statusCode(200).extract().asString();
    assertThat(rows(denied)).isNotEmpty().allSatisfy(r -> assertThat(r[2]).isEqualTo("DENIED"));
    // the same result filter on the API
    List<String> results = as("auditor").queryParam("result", "DENIED").get("/api/v1/audit").then().statusCode(200)
        .extract().jsonPath().getList("items.result");
    assertThat(results).isNotEmpty().containsOnly("DENIED");
    as("auditor").queryParam("result", "MAYBE").get("/api/v1/audit").then().statusCode(400);
    // dates: long ago nothing; to today's date everything (the day shown is inclusive)
    assertThat(rows(Pages.page(auditor).get("/staff/audit?from=1999-01-01&to=1999-12-31").then().statusCode(200).extract().asString())).isEmpty();
    // bad filters: the page with the reason and a 400
    assertThat(Pages.page(auditor).get("/staff/audit?from=yesterday").then().statusCode(400).contentType("text/html").extract().asString())
        .contains("id=\"error\"", "from");
    Pages.page(auditor).get("/staff/audit?action=EVERYTHING").then().statusCode(400);
  }

  @Test
  void theChainCheckRunsFromAButtonAndSaysWhatTheApiSays() {
    boolean intact = as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath().getBoolean("intact");
    String html = Pages.page(Pages.session("auditor")).get("/staff/audit/verify").then().statusCode(200).extract().asString();
    assertThat(html).contains(intact ? "id=\"chain-intact\"" : "id=\"chain-broken\"");
  }

  @Test
  void onlyTheAuditorReadsTheTrailAndTheOfficeAndTheAuditorAMeasuresJournal() {
    for (String user : List.of("office", "leader", "admin", "security", "reporter-fy")) {
      String session = Pages.session(user);
      assertThat(Pages.page(session).get("/staff/audit").statusCode()).as(user).isEqualTo(403);
      assertThat(Pages.page(session).get("/staff/audit/verify").statusCode()).as(user).isEqualTo(403);
    }
    String code = Api.createMeasure("fy");
    as("office").body("{\"newDeadline\":\"2022-06-30\",\"reason\":\"测试延期\"}").post("/api/v1/measures/" + code + "/postponements")
        .then().statusCode(200);
    String path = "/staff/measures/" + code + "/journal";
    for (String user : List.of("office", "auditor")) {
      String html = Pages.page(Pages.session(user)).get(path).then().statusCode(200).extract().asString();
      assertThat(html).as(user).contains(code + " 变更记录", "2022-06-30", "<tr data-id=");
    }
    for (String user : List.of("leader", "admin", "reporter-fy")) {
      assertThat(Pages.page(Pages.session(user)).get(path).statusCode()).as(user).isEqualTo(403);
    }
    Pages.page(Pages.session("auditor")).get("/staff/measures/NOSUCH1/journal").then().statusCode(404);
    // linked from the measure's page for the office, and from the audit page's field for the auditor
    assertThat(Pages.page(Pages.session("office")).get("/staff/measures/" + code).then().statusCode(200).extract().asString())
        .contains("href=\"" + path + "\"");
    assertThat(Pages.page(Pages.session("leader")).get("/staff/measures/" + code).then().extract().asString()).doesNotContain(path);
    Pages.page(Pages.session("auditor")).get("/staff/audit/measure?code=" + code).then().statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith(path));
  }
}

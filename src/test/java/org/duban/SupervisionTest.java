package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Supervision (督导): contact leaders, a guidance group's inspection, its finding made a
 * rectification item on the measures' engine (reports, claim done, verify; scan, light, ladder,
 * journal), read by exactly those who may, never public.
 */
@QuarkusTest
class SupervisionTest {

  String jnUnit;
  String qdUnit;
  String jnReporter;
  String qdReporter;
  String jnOffice;
  String qdOffice;
  String leader;
  String otherLeader;

  @BeforeEach
  void cityUnitsAndAccounts() {
    String s = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    jnUnit = "sj" + s;
    qdUnit = "sq" + s;
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

  long group(String name, String members, String regions) {
    return ((Number) as("office").body("{\"name\":\"" + name + "\",\"members\":" + members + ",\"regions\":" + regions + "}")
        .post("/api/v1/groups").then().statusCode(201).extract().path("id")).longValue();
  }

  long inspection(String user, long group, String unit, String items, String findings) {
    return ((Number) as(user).body("{\"group\":" + group + ",\"date\":\"2021-09-15\",\"unit\":\"" + unit + "\",\"items\":" + items
            + ",\"findings\":\"" + findings + "\"}")
        .post("/api/v1/inspections").then().statusCode(201).extract().path("id")).longValue();
  }

  @Test
  void anInspectionsFindingIsRectifiedOnTheEngineAndTheLeaderSeesItClosed() {
    String m = Api.createMeasure("fy");
    // the province's office names the contact leader and sets up a group sent to 济南
    as("office").body("{\"leaders\":[\"" + leader + "\"]}").put("/api/v1/measures/" + m + "/contact-leaders").then().statusCode(200);
    assertThat(as(leader).get("/api/v1/measures/" + m + "/contact-leaders").then().statusCode(200).extract().jsonPath().getList("$"))
        .containsExactly(leader);
    long g = group("指导组" + m, "[\"" + leader + "\"]", "[\"370100\"]");
    as(leader).get("/api/v1/groups/" + g).then().statusCode(200).body("members[0]", equalTo(leader)).body("regions[0]", equalTo("370100"));

    // a member (a LEADER) records the inspection of the city's court; another leader may not
    long i = inspection(leader, g, jnUnit, "[\"" + m + "\"]", "一次性告知不到位");
    as(otherLeader).body("{\"group\":" + g + ",\"date\":\"2021-09-15\",\"unit\":\"" + jnUnit + "\",\"items\":[\"" + m + "\"],\"findings\":\"x\"}")
        .post("/api/v1/inspections").then().statusCode(403);
    // the inspected unit reads its own inspection; another city's unit does not see it
    as(jnReporter).get("/api/v1/inspections/" + i).then().statusCode(200).body("findings", equalTo("一次性告知不到位"));
    as(qdReporter).get("/api/v1/inspections/" + i).then().statusCode(404);
    as(qdOffice).get("/api/v1/inspections/" + i).then().statusCode(404);
    assertThat(as(jnReporter).get("/api/v1/inspections").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class)).contains(i);
    assertThat(as(qdReporter).get("/api/v1/inspections").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class))
        .doesNotContain(i);

    // the city's office makes the finding an item; the other city's may not give the 济南 unit one
    String body = "{\"concerns\":\"" + m + "\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2099-10-31\",\"title\":\"一次性告知整改\","
        + "\"finding\":\"一次性告知不到位\",\"requiredOutcome\":\"制定一次性告知清单\",\"inspection\":" + i + "}";
    as(qdOffice).body(body).post("/api/v1/rectifications").then().statusCode(400); // it does not see the inspection
    as(qdOffice).body(body.replace(",\"inspection\":" + i, "")).post("/api/v1/rectifications").then().statusCode(403);
    JsonPath r = as(jnOffice).body(body).post("/api/v1/rectifications").then().statusCode(201)
        .header("Location", containsString("/api/v1/rectifications/")).extract().jsonPath();
    long id = r.getLong("id");
    String code = r.getString("code");
    assertThat(code).isEqualTo("ZG" + id);
    assertThat(r.getString("concerns.code")).isEqualTo(m);
    assertThat(r.getString("region.code")).isEqualTo("370100");
    assertThat(r.getString("status")).isEqualTo("NOT_STARTED");
    assertThat(as(leader).get("/api/v1/inspections/" + i).then().extract().jsonPath().getList("rectifications", Long.class)).containsExactly(id);

    // who reads it: the unit, the city's office, the province, the group's member; not the other city
    as(jnReporter).get("/api/v1/rectifications/" + id).then().statusCode(200);
    as("office").get("/api/v1/rectifications/" + id).then().statusCode(200);
    as(leader).get("/api/v1/rectifications/" + id).then().statusCode(200);
    as(qdReporter).get("/api/v1/rectifications/" + id).then().statusCode(404);
    as(qdOffice).get("/api/v1/rectifications/" + id).then().statusCode(404);
    as(qdOffice).get("/api/v1/rectifications/" + id + "/reports").then().statusCode(404);
    assertThat(as(qdOffice).get("/api/v1/rectifications").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class))
        .doesNotContain(id);
    assertThat(as(jnOffice).queryParam("inspection", i).get("/api/v1/rectifications").then().statusCode(200).extract().jsonPath()
        .getList("items.id", Long.class)).containsExactly(id);
    // it is not a measure, and a measure's code may not take its shape
    as("office").get("/api/v1/measures/" + code).then().statusCode(404);
    as("office").body(Api.measureJson("ZG" + (id + 1000), "fy", "[]")).post("/api/v1/measures").then().statusCode(400);

    // evidence: the unit attaches a PDF to the item, the member a photo-less PDF to the inspection; others do not see them
    byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    JsonPath f = as(jnReporter).contentType("multipart/form-data").header("X-Requested-By", "test").multiPart("file", "整改方案.pdf", pdf, "application/pdf")
        .post("/api/v1/rectifications/" + id + "/files").then().statusCode(201).extract().jsonPath();
    assertThat(f.getString("sha256")).hasSize(64);
    assertThat(as(jnOffice).get("/api/v1/rectifications/" + id + "/files").then().statusCode(200).extract().jsonPath().getList("id"))
        .hasSize(1);
    as(qdReporter).get("/api/v1/rectifications/" + id + "/files").then().statusCode(404);
    as(qdOffice).get("/api/v1/files/" + f.getLong("id")).then().statusCode(404);
    as(jnReporter).get("/api/v1/files/" + f.getLong("id")).then().statusCode(200);
    as(leader).contentType("multipart/form-data").header("X-Requested-By", "test").multiPart("file", "督导记录.pdf", pdf, "application/pdf")
        .post("/api/v1/inspections/" + i + "/files").then().statusCode(201);
    as(jnReporter).get("/api/v1/inspections/" + i + "/files").then().statusCode(200);
    as(qdReporter).get("/api/v1/inspections/" + i + "/files").then().statusCode(404);
    as(jnReporter).contentType("multipart/form-data").header("X-Requested-By", "test").multiPart("file", "x.pdf", pdf, "application/pdf")
        .post("/api/v1/inspections/" + i + "/files").then().statusCode(403);

    // the unit reports, the city's office accepts; the unit claims it done; the office verifies
    int report = as(jnReporter).body("{\"progress\":60,\"publicSummary\":\"已制定清单\"}").post("/api/v1/rectifications/" + id + "/reports")
        .then().statusCode(201).extract().path("id");
    as(qdReporter).body("{\"progress\":60,\"publicSummary\":\"x\"}").post("/api/v1/rectifications/" + id + "/reports").then().statusCode(404);
    as(jnOffice).post("/api/v1/reports/" + report + "/accept").then().statusCode(200);
    as(jnReporter).get("/api/v1/rectifications/" + id).then().body("progress", equalTo(60)).body("status", equalTo("IN_PROGRESS"));
    as(jnReporter).body("{}").post("/api/v1/rectifications/" + id + "/claim-done").then().statusCode(200).body("status", equalTo("CLAIMED_DONE"));
    as(leader).body("{}").post("/api/v1/rectifications/" + id + "/verify").then().statusCode(403);
    as(jnOffice).body("{\"reason\":\"清单未上墙\"}").post("/api/v1/rectifications/" + id + "/reopen").then().statusCode(200)
        .body("status", equalTo("IN_PROGRESS"));
    as(jnReporter).body("{}").post("/api/v1/rectifications/" + id + "/claim-done").then().statusCode(200);
    as(jnOffice).body("{}").post("/api/v1/rectifications/" + id + "/verify").then().statusCode(200).body("status", equalTo("VERIFIED"));
    // every step journaled as a rectification item
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'RECTIFICATION' and entity_key = ? and action in ('CREATE',"
        + " 'CLAIM_DONE', 'VERIFY', 'REOPEN')", code)).isGreaterThanOrEqualTo(4);
    as("office").get("/api/v1/rectifications/" + id + "/journal").then().statusCode(200);

    // the leader's desk: its measure, and the item closed
    JsonPath desk = as(leader).get("/api/v1/me/desk").then().statusCode(200).extract().jsonPath();
    assertThat(desk.getList("items.code")).contains(m);
    assertThat(desk.getList("rectifications.id", Long.class)).contains(id);
    assertThat(desk.getString("rectifications.find { it.id == " + id + " }.status")).isEqualTo("VERIFIED");
    as(jnReporter).get("/api/v1/me/desk").then().statusCode(403);

    // nothing of it is public: no event on any timeline, no code in the public lists or feed
    long item = Db.scalar("select id from measure where code = ?", code);
    assertThat(Db.scalar("select count(*) from public_event where measure_id = ?", item)).isZero();
    anonymous().get("/api/v1/public/measures/" + code).then().statusCode(404);
    assertThat(anonymous().get("/api/v1/public/measures?size=100&q=一次性告知整改").then().statusCode(200).extract().asString()).doesNotContain(code);
    assertThat(anonymous().get("/api/v1/public/feed.atom").then().extract().asString()).doesNotContain("一次性告知不到位", "制定一次性告知清单");
  }

  @Test
  void theScanFlagsRectificationItemsAndTheLadderUrgesTheirUnit() {
    String m = Api.createMeasure("fy");
    JsonPath r = as(jnOffice).body("{\"concerns\":\"" + m + "\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2099-10-31\",\"title\":\"整改\","
        + "\"finding\":\"问题\",\"requiredOutcome\":\"结果\"}").post("/api/v1/rectifications").then().statusCode(201).extract().jsonPath();
    String code = r.getString("code");
    long item = Db.scalar("select id from measure where code = ?", code);
    // its deadline passes (set in the past as a postponement never could)
    Db.exec("update measure set current_deadline = date '2021-10-31', committed_deadline = date '2021-10-31', start_date = date '2021-09-01' where id = ?", item);
    as("office").post("/api/v1/scans").then().statusCode(200);
    assertThat(Db.text("select light from measure where id = ?", item)).isEqualTo("RED");
    assertThat(Db.text("select overdue::text from measure where id = ?", item)).isEqualTo("true");
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'RECTIFICATION' and entity_key = ? and action = 'SCAN'", code)).isPositive();
    as(jnOffice).get("/api/v1/rectifications/" + r.getLong("id")).then().body("overdue", equalTo(true)).body("light", equalTo("RED"));
    long urging = Db.scalar("select count(*) from notice where measure_id = ? and level = 'URGING' and occasion like 'deadline:%'", item);
    assertThat(urging).isEqualTo(1);
    as("office").post("/api/v1/scans").then().statusCode(200);
    assertThat(Db.scalar("select count(*) from notice where measure_id = ? and level = 'URGING' and occasion like 'deadline:%'", item)).isEqualTo(urging);
    // the overdue report and the overdue filter carry it
    assertThat(as("office").queryParam("size", 100).queryParam("unit", jnUnit).get("/api/v1/overdue").then().statusCode(200).extract()
        .jsonPath().getList("items.code", String.class)).contains(code);
    assertThat(as(jnOffice).queryParam("overdue", "true").get("/api/v1/rectifications").then().statusCode(200).extract().jsonPath()
        .getList("items.code", String.class)).contains(code);
    // the dashboard counts it by unit (the city's own), and in the overdue total as the report counts it
    JsonPath d = as(jnOffice).get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    assertThat(d.getInt("rectificationsByUnit.find { it.unit == '" + jnUnit + "' }.overdue")).isEqualTo(1);
    assertThat(d.getInt("rectificationsByUnit.find { it.unit == '" + jnUnit + "' }.open")).isEqualTo(1);
    assertThat(d.getLong("overdueTotal")).isEqualTo(
        as(jnOffice).get("/api/v1/overdue").then().statusCode(200).extract().jsonPath().getLong("total"));
    assertThat(as(qdOffice).get("/api/v1/dashboard").then().extract().jsonPath().getList("rectificationsByUnit.unit")).doesNotContain(jnUnit);
    String page = org.duban.support.Pages.page(org.duban.support.Pages.session(jnOffice)).get("/staff/dashboard").then().statusCode(200).extract().asString();
    assertThat(page).contains("id=\"rectifications\"", "整改事项（按责任单位）");
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    String m = Api.createMeasure("fy");
    long g = group("组" + m, "[\"" + leader + "\"]", "[\"370100\"]");
    Map<String, Object> before = Db.snapshot();
    long groups = Db.scalar("select count(*) from guidance_group");
    long inspections = Db.scalar("select count(*) from inspection");
    long rectifications = Db.scalar("select count(*) from rectification");
    // groups: only the province's office; unknown or wrong members
    as(leader).body("{\"name\":\"x\",\"members\":[]}").post("/api/v1/groups").then().statusCode(403);
    as(jnOffice).body("{\"name\":\"x\",\"members\":[]}").post("/api/v1/groups").then().statusCode(403);
    as("office").body("{\"name\":\"x\",\"members\":[\"nobody-at-all\"]}").post("/api/v1/groups").then().statusCode(400)
        .contentType(containsString("application/problem+json"));
    as("office").body("{\"name\":\"x\",\"members\":[\"" + jnReporter + "\"]}").post("/api/v1/groups").then().statusCode(400);
    as("office").body("{\"name\":\"组" + m + "\"}").post("/api/v1/groups").then().statusCode(409);
    // inspections: a place the group is not sent to, a future date, neither unit nor region, an unknown item
    as(leader).body("{\"group\":" + g + ",\"date\":\"2021-09-15\",\"unit\":\"" + qdUnit + "\",\"items\":[\"" + m + "\"],\"findings\":\"x\"}")
        .post("/api/v1/inspections").then().statusCode(400);
    as(leader).body("{\"group\":" + g + ",\"date\":\"2099-09-15\",\"unit\":\"" + jnUnit + "\",\"items\":[\"" + m + "\"],\"findings\":\"x\"}")
        .post("/api/v1/inspections").then().statusCode(400);
    as(leader).body("{\"group\":" + g + ",\"date\":\"2021-09-15\",\"items\":[\"" + m + "\"],\"findings\":\"x\"}")
        .post("/api/v1/inspections").then().statusCode(400);
    as(leader).body("{\"group\":" + g + ",\"date\":\"2021-09-15\",\"unit\":\"" + jnUnit + "\",\"items\":[\"NOPE99\"],\"findings\":\"x\"}")
        .post("/api/v1/inspections").then().statusCode(400);
    as(jnReporter).body("{\"group\":" + g + ",\"date\":\"2021-09-15\",\"unit\":\"" + jnUnit + "\",\"items\":[\"" + m + "\"],\"findings\":\"x\"}")
        .post("/api/v1/inspections").then().statusCode(403);
    // rectification items: a past deadline, an unknown unit, a rectification as what it concerns, a leader
    String ok = "{\"concerns\":\"" + m + "\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2099-10-31\",\"title\":\"t\",\"finding\":\"f\",\"requiredOutcome\":\"o\"}";
    as(jnOffice).body(ok.replace("2099-10-31", "2020-10-31")).post("/api/v1/rectifications").then().statusCode(400);
    as(jnOffice).body(ok.replace(jnUnit, "no-such-unit")).post("/api/v1/rectifications").then().statusCode(400);
    as(jnOffice).body(ok.replace("\"" + m + "\"", "\"ZG1\"")).post("/api/v1/rectifications").then().statusCode(400);
    as(jnOffice).body(ok.replace("\"title\":\"t\",", "")).post("/api/v1/rectifications").then().statusCode(400);
    as(leader).body(ok).post("/api/v1/rectifications").then().statusCode(403);
    as(jnReporter).body(ok).post("/api/v1/rectifications").then().statusCode(403);
    as("office").get("/api/v1/rectifications/abc").then().statusCode(404);
    as("office").get("/api/v1/rectifications/999999999").then().statusCode(404);
    as("office").queryParam("status", "NOPE").get("/api/v1/rectifications").then().statusCode(400);
    // contact leaders: only LEADER accounts, only by an office that acts on the measure
    as("office").body("{\"leaders\":[\"" + jnOffice + "\"]}").put("/api/v1/measures/" + m + "/contact-leaders").then().statusCode(400);
    as(jnOffice).body("{\"leaders\":[\"" + leader + "\"]}").put("/api/v1/measures/" + m + "/contact-leaders").then().statusCode(403);
    // visits: only a contact leader of the item (or an office that acts on it)
    as(otherLeader).body("{\"item\":\"" + m + "\",\"date\":\"2021-08-20\",\"place\":\"p\",\"participants\":\"a\",\"findings\":\"f\"}")
        .post("/api/v1/visits").then().statusCode(403);
    assertThat(Db.snapshot()).isEqualTo(before);
    assertThat(Db.scalar("select count(*) from guidance_group")).isEqualTo(groups);
    assertThat(Db.scalar("select count(*) from inspection")).isEqualTo(inspections);
    assertThat(Db.scalar("select count(*) from rectification")).isEqualTo(rectifications);
  }

  @Test
  void aContactLeadersVisitFollowUpBecomesAnItem() {
    String m = Api.createMeasure("fy");
    as("office").body("{\"leaders\":[\"" + leader + "\"]}").put("/api/v1/measures/" + m + "/contact-leaders").then().statusCode(200);
    JsonPath v = as(leader).body("{\"item\":\"" + m + "\",\"date\":\"2021-08-20\",\"place\":\"济南市中级人民法院\",\"participants\":\"分管领导\","
        + "\"findings\":\"远程调解平台使用率偏低\",\"followUps\":[\"提高平台使用率\", \"培训调解员\"]}")
        .post("/api/v1/visits").then().statusCode(201).extract().jsonPath();
    long visit = v.getLong("id");
    assertThat(v.getList("followUps")).containsExactly("提高平台使用率", "培训调解员");
    // its own visits, and the office's view; another leader does not see it
    assertThat(as(leader).get("/api/v1/visits").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class)).contains(visit);
    as("office").get("/api/v1/visits/" + visit).then().statusCode(200);
    as(otherLeader).get("/api/v1/visits/" + visit).then().statusCode(404);
    as(jnReporter).get("/api/v1/visits/" + visit).then().statusCode(403);
    long id = ((Number) as("office").body("{\"concerns\":\"" + m + "\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2099-10-31\","
        + "\"title\":\"提高平台使用率\",\"finding\":\"远程调解平台使用率偏低\",\"requiredOutcome\":\"使用率达到 80%\",\"visit\":" + visit + "}")
        .post("/api/v1/rectifications").then().statusCode(201).extract().path("id")).longValue();
    assertThat(as(leader).get("/api/v1/visits/" + visit).then().extract().jsonPath().getList("rectifications", Long.class)).containsExactly(id);
    // the contact leader reads the item on its measure, without being in its region's office
    as(leader).get("/api/v1/rectifications/" + id).then().statusCode(200).body("visit", equalTo((int) visit));
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'MEASURE' and entity_key = ? and action = 'VISIT'", m)).isEqualTo(1);
    assertThat(as(leader).get("/api/v1/me/desk").then().extract().jsonPath().getList("items.code")).contains(m);
  }
}

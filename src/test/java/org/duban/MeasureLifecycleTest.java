package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.duban.support.Api;
import org.junit.jupiter.api.Test;

/** The whole story of one measure: report, accept, return, claim, verify, reopen, postpone. */
@QuarkusTest
class MeasureLifecycleTest {

  @Test
  void createAnswers201WithLocationAndETagAndTheCommittedDeadline() {
    String code = Api.newCode();
    as("office")
        .body(Api.measureJson(code, "sft", "[\"fy\"]"))
        .post("/api/v1/measures")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/measures/" + code))
        .header("ETag", notNullValue())
        .body("status", equalTo("NOT_STARTED"))
        .body("committedDeadline", equalTo("2021-12-31"))
        .body("deadline", equalTo("2021-12-31"))
        .body("coUnits[0].code", equalTo("fy"));
    as("office").body(Api.measureJson(code, "sft", "[]")).post("/api/v1/measures").then().statusCode(409);
  }

  @Test
  void anAcceptedReportMovesProgressStatusAndThePublicTimeline() {
    String code = Api.createMeasure("fy", "jcy");
    int id =
        as("reporter-jcy")
            .body("{\"progress\":40,\"narrative\":\"内部：约谈了3名执行法官\",\"publicSummary\":\"已完成排查\",\"evidence\":[\"https://intranet.example/a\"]}")
            .post("/api/v1/measures/" + code + "/reports")
            .then()
            .statusCode(201)
            .body("state", equalTo("PENDING"))
            .body("unit", equalTo("jcy"))
            .extract()
            .path("id");
    // pending: nothing public yet
    as("office").get("/api/v1/measures/" + code).then().body("progress", equalTo(0)).body("pendingReports", equalTo(1));
    anonymous().get("/api/v1/public/measures/" + code + "/timeline").then().statusCode(200).body("size()", equalTo(0));

    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(200).body("state", equalTo("ACCEPTED"));
    as("office")
        .get("/api/v1/measures/" + code)
        .then()
        .body("progress", equalTo(40))
        .body("status", equalTo("IN_PROGRESS"))
        .body("pendingReports", equalTo(0));
    JsonPath timeline = anonymous().get("/api/v1/public/measures/" + code + "/timeline").then().statusCode(200).extract().jsonPath();
    assertThat(timeline.getList("kind")).containsExactly("PROGRESS");
    assertThat(timeline.getString("[0].summary")).isEqualTo("已完成排查");
    assertThat(timeline.getInt("[0].progress")).isEqualTo(40);
    // reviewing twice is a conflict
    as("office").post("/api/v1/reports/" + id + "/accept").then().statusCode(409);
  }

  @Test
  void aReturnedReportChangesNothingOnTheMeasureAndKeepsTheReason() {
    String code = Api.createMeasure("fy");
    int id =
        as("reporter-fy").body("{\"progress\":90,\"publicSummary\":\"基本完成\"}")
            .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id");
    as("office").body("{}").post("/api/v1/reports/" + id + "/return").then().statusCode(400);
    as("office")
        .body("{\"reason\":\"佐证材料不足\"}")
        .post("/api/v1/reports/" + id + "/return")
        .then()
        .statusCode(200)
        .body("state", equalTo("RETURNED"))
        .body("returnReason", equalTo("佐证材料不足"))
        .body("reviewedBy", equalTo("office"));
    as("office").get("/api/v1/measures/" + code).then().body("progress", equalTo(0)).body("status", equalTo("NOT_STARTED"));
    as("reporter-fy").get("/api/v1/reports/" + id).then().statusCode(200).body("returnReason", equalTo("佐证材料不足"));
  }

  @Test
  void onlyTheLeadUnitClaimsDoneAndOnlyTheOfficeVerifiesOrReopens() {
    String code = Api.createMeasure("fy", "jcy");
    as("reporter-jcy").post("/api/v1/measures/" + code + "/claim-done").then().statusCode(403);
    as("office").post("/api/v1/measures/" + code + "/verify").then().statusCode(409);
    as("reporter-fy")
        .body("{\"publicSummary\":\"全部完成\"}")
        .post("/api/v1/measures/" + code + "/claim-done")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLAIMED_DONE"))
        .body("claimedDoneOn", notNullValue());
    as("reporter-fy").post("/api/v1/measures/" + code + "/verify").then().statusCode(403);
    as("office")
        .post("/api/v1/measures/" + code + "/verify")
        .then()
        .statusCode(200)
        .body("status", equalTo("VERIFIED"))
        .body("progress", equalTo(100))
        .body("verifiedBy", equalTo("office"))
        .body("light", equalTo("CLOSED"))
        .body("overdue", equalTo(false));
    // a closed measure takes no report and no postponement
    as("reporter-fy").body("{\"progress\":100,\"publicSummary\":\"x\"}").post("/api/v1/measures/" + code + "/reports").then().statusCode(409);
    as("office").body("{\"newDeadline\":\"2022-06-30\",\"reason\":\"x\"}").post("/api/v1/measures/" + code + "/postponements").then().statusCode(409);
    as("office").body("{}").post("/api/v1/measures/" + code + "/reopen").then().statusCode(400);
    as("office")
        .body("{\"reason\":\"抽查发现两个县尚未建成\"}")
        .post("/api/v1/measures/" + code + "/reopen")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("verifiedBy", equalTo(null))
        .body("claimedDoneOn", equalTo(null));
    List<String> kinds =
        anonymous().get("/api/v1/public/measures/" + code + "/timeline").then().extract().jsonPath().getList("kind");
    assertThat(kinds).containsExactly("REOPENED", "VERIFIED", "CLAIMED_DONE");
    // the internal reason stays internal
    assertThat(anonymous().get("/api/v1/public/measures/" + code + "/timeline").asString()).doesNotContain("抽查发现");
  }

  @Test
  void aPostponementMovesTheCurrentDeadlineButNeverTheCommittedOne() {
    String code = Api.createMeasure("sft");
    as("office")
        .body("{\"newDeadline\":\"2021-11-30\",\"reason\":\"提前\"}")
        .post("/api/v1/measures/" + code + "/postponements")
        .then()
        .statusCode(400);
    as("office")
        .body("{\"newDeadline\":\"2022-03-31\",\"reason\":\"受疫情影响，现场督导推迟\"}")
        .post("/api/v1/measures/" + code + "/postponements")
        .then()
        .statusCode(200)
        .body("deadline", equalTo("2022-03-31"))
        .body("committedDeadline", equalTo("2021-12-31"))
        .body("postponements[0].oldDeadline", equalTo("2021-12-31"))
        .body("postponements[0].approvedBy", equalTo("office"));
    JsonPath pub = anonymous().get("/api/v1/public/measures/" + code).then().statusCode(200).extract().jsonPath();
    assertThat(pub.getString("deadline")).isEqualTo("2022-03-31");
    assertThat(pub.getString("committedDeadline")).isEqualTo("2021-12-31");
    assertThat(pub.getString("postponements[0].reason")).isEqualTo("受疫情影响，现场督导推迟");
    assertThat(pub.getMap("postponements[0]")).doesNotContainKey("approvedBy");
    as("reporter-sft")
        .body("{\"newDeadline\":\"2022-06-30\",\"reason\":\"x\"}")
        .post("/api/v1/measures/" + code + "/postponements")
        .then()
        .statusCode(403);
  }

  @Test
  void theJournalRecordsActorTimeFieldOldAndNewValue() {
    String code = Api.createMeasure("gat");
    String etag = as("office").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("office")
        .header("If-Match", etag)
        .body("{\"title\":\"新标题\",\"notes\":\"内部备注\"}")
        .patch("/api/v1/measures/" + code)
        .then()
        .statusCode(200);
    as("office")
        .body("{\"newDeadline\":\"2022-01-31\",\"reason\":\"延期一个月\"}")
        .post("/api/v1/measures/" + code + "/postponements")
        .then()
        .statusCode(200);
    List<Map<String, Object>> entries =
        as("auditor").get("/api/v1/measures/" + code + "/journal?size=100").then().statusCode(200).extract().jsonPath().getList("items");
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.get("field")).isEqualTo("title");
              assertThat(e.get("oldValue")).isEqualTo("测试事项 " + code);
              assertThat(e.get("newValue")).isEqualTo("新标题");
              assertThat(e.get("actor")).isEqualTo("office");
              assertThat(e.get("at")).isNotNull();
              assertThat(e.get("clientIp")).isNotNull();
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("POSTPONE");
              assertThat(e.get("field")).isEqualTo("deadline");
              assertThat(e.get("oldValue")).isEqualTo("2021-12-31");
              assertThat(e.get("newValue")).isEqualTo("2022-01-31");
            })
        .anySatisfy(e -> assertThat(e.get("action")).isEqualTo("CREATE"));
    as("leader").get("/api/v1/measures/" + code + "/journal").then().statusCode(403);
    as("reporter-gat").get("/api/v1/measures/" + code + "/journal").then().statusCode(403);
  }

  @Test
  void suspendAndResumeNeedAReasonAndShowPublicly() {
    String code = Api.createMeasure("zfw");
    as("office").body("{\"reason\":\"上级部署调整\"}").post("/api/v1/measures/" + code + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
    anonymous().get("/api/v1/public/measures/" + code).then().body("status", equalTo("SUSPENDED"));
    as("office").post("/api/v1/measures/" + code + "/resume").then().statusCode(200).body("status", equalTo("NOT_STARTED"));
  }

  @Test
  void theStaffViewCarriesEveryKeyOfThePublicView() {
    Map<String, Object> pub = anonymous().get("/api/v1/public/measures/J04").then().statusCode(200).extract().jsonPath().getMap("");
    Map<String, Object> staff = as("office").get("/api/v1/measures/J04").then().statusCode(200).extract().jsonPath().getMap("");
    assertThat(staff.keySet()).containsAll(pub.keySet());
    assertThat(pub.keySet())
        .contains("code", "area", "title", "summary", "leadUnit", "coUnits", "startDate", "committedDeadline",
            "deadline", "status", "progress", "light", "overdue", "overdueDays", "postponements", "lastUpdate");
  }

  @Test
  void listsFilterByLightWithTheSameRuleAsTheScan() {
    for (String light : List.of("RED", "GREEN", "YELLOW", "CLOSED")) {
      JsonPath page = anonymous().queryParam("light", light).queryParam("size", 100).get("/api/v1/public/measures").then().statusCode(200).extract().jsonPath();
      assertThat(page.getList("items.light", String.class)).allMatch(light::equals);
      JsonPath staff = as("office").queryParam("light", light).queryParam("size", 100).get("/api/v1/measures").then().statusCode(200).extract().jsonPath();
      assertThat(staff.getList("items.light", String.class)).allMatch(light::equals);
    }
    long all = anonymous().get("/api/v1/public/measures").then().extract().jsonPath().getLong("total");
    long byLight =
        List.of("RED", "GREEN", "YELLOW", "CLOSED").stream()
            .mapToLong(l -> anonymous().queryParam("light", l).get("/api/v1/public/measures").then().extract().jsonPath().getLong("total"))
            .sum();
    assertThat(byLight).isEqualTo(all);
    anonymous().queryParam("light", "PURPLE").get("/api/v1/public/measures").then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void listsFilterByOverdueWithTheSameRuleAsTheScan() {
    // deadline 2021-12-31, today is later: overdue until postponed past today or verified
    String late = Api.createMeasure("fy");
    String postponed = Api.createMeasure("fy");
    as("office").body("{\"newDeadline\":\"2099-12-31\",\"reason\":\"工期调整\"}")
        .post("/api/v1/measures/" + postponed + "/postponements").then().statusCode(200);
    String claimedLate = Api.createMeasure("fy");
    as("reporter-fy").post("/api/v1/measures/" + claimedLate + "/claim-done").then().statusCode(200);
    for (String code : List.of(late, postponed, claimedLate)) {
      boolean overdue = as("office").get("/api/v1/measures/" + code).then().statusCode(200).extract().path("overdue");
      assertThat(total(code, true) + total(code, false)).as(code).isEqualTo(1);
      assertThat(total(code, true)).as(code + " overdue=true").isEqualTo(overdue ? 1 : 0);
    }
    assertThat(total(late, true)).isEqualTo(1);
    assertThat(total(postponed, true)).isZero();
    // claimed done after the deadline: still overdue until verified (duban_overdue)
    assertThat(total(claimedLate, true)).isEqualTo(1);
    as("office").post("/api/v1/measures/" + claimedLate + "/verify").then().statusCode(200);
    assertThat(total(claimedLate, true)).isZero();
    assertThat(total(claimedLate, false)).isEqualTo(1);
  }

  private static long total(String code, boolean overdue) {
    return as("office").queryParam("q", code).queryParam("overdue", overdue).get("/api/v1/measures")
        .then().statusCode(200).extract().jsonPath().getLong("total");
  }
}

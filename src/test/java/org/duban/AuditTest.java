package org.duban;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/** The security audit trail: what it records, who may read it, and that tampering shows. */
@QuarkusTest
class AuditTest {

  @jakarta.inject.Inject
  org.duban.audit.RefusalTally tally;

  /** Waits (up to 5 s) for an audit row matching the filter; refusals are recorded asynchronously. */
  static Map<String, Object> awaitRow(String actor, String action, String targetPart) {
    return await("audit row " + actor + " " + action + " " + targetPart)
        .atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> findRow(actor, action, targetPart), Optional::isPresent)
        .get();
  }

  private static Optional<Map<String, Object>> findRow(String actor, String action, String targetPart) {
    var req = as("auditor").queryParam("action", action).queryParam("size", 100);
    if (actor != null) {
      req = req.queryParam("actor", actor);
    }
    List<Map<String, Object>> rows = req.get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
    return rows.stream().filter(r -> targetPart == null || String.valueOf(r.get("target")).contains(targetPart)).findFirst();
  }


  @Test
  void loginsRefusalsAndChangesAreRecordedWithActorAddressAndResult() throws Exception {
    given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", "leader").formParam("j_password", Api.PASSWORD)
        .post("/j_security_check").then().statusCode(302);
    assertThat(awaitRow("leader", "LOGIN", null).get("result")).isEqualTo("OK");
    given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", "leader").formParam("j_password", "wrong")
        .post("/j_security_check").then().statusCode(302);
    assertThat(awaitRow("leader", "LOGIN_FAILED", null).get("result")).isEqualTo("FAILED");
    given().auth().preemptive().basic("office", "wrong-password").get("/api/v1/measures").then().statusCode(401);
    assertThat(awaitRow("office", "LOGIN_FAILED", "/api/v1/measures").get("detail")).isEqualTo("basic");
    as("reporter-fy").get("/api/v1/dashboard").then().statusCode(403);
    Map<String, Object> denied = awaitRow("reporter-fy", "DENIED", "GET /api/v1/dashboard");
    assertThat(denied.get("detail")).isEqualTo("403");
    assertThat(denied.get("clientIp")).isNotNull();
    // anonymous refusals are counted per address and minute, one row with the count
    anonymous().get("/api/v1/overdue").then().statusCode(401);
    anonymous().get("/api/v1/overdue").then().statusCode(401);
    tally.flushAll();
    Map<String, Object> tallied = awaitRow("anonymous", "DENIED", "anonymous requests refused (401)");
    assertThat(String.valueOf(tallied.get("detail"))).contains("\"count\":");

    // a change: each field with its old and new value, in the same transaction as the change
    String code = Api.createMeasure("fy");
    as("office").body("{\"newDeadline\":\"2022-04-30\",\"reason\":\"审计测试\"}").post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);
    awaitRow("office", "WRITE", "MEASURE:" + code + " POSTPONE");
    assertThat(Db.scalar("select count(*) from audit_event where actor = 'office' and target = ?"
        + " and detail like '%2021-12-31%' and detail like '%2022-04-30%'", "MEASURE:" + code + " POSTPONE")).isEqualTo(1);
    // a refused change (stale If-Match) writes nothing, so nothing is audited as a change
    long writes = Db.scalar("select count(*) from audit_event where target like ?", "MEASURE:" + code + "%");
    as("office").header("If-Match", "\"0\"").body("{\"title\":\"x\"}").patch("/api/v1/measures/" + code).then().statusCode(412);
    assertThat(Db.scalar("select count(*) from audit_event where target like ?", "MEASURE:" + code + "%")).isEqualTo(writes);
  }

  @Test
  void onlyTheAuditorReadsItAndTheAuditorReadsNothingElse() {
    as("auditor").get("/api/v1/audit").then().statusCode(200);
    as("auditor").get("/api/v1/audit/verify").then().statusCode(200);
    for (String user : List.of("admin", "office", "leader", "reporter-fy")) {
      as(user).get("/api/v1/audit").then().statusCode(403);
      as(user).get("/api/v1/audit/verify").then().statusCode(403);
    }
    anonymous().get("/api/v1/audit").then().statusCode(401);
    as("auditor").get("/api/v1/users").then().statusCode(403);
    as("auditor").get("/api/v1/dashboard").then().statusCode(403);
    as("auditor").body("{\"code\":\"zz\",\"name\":\"x\"}").post("/api/v1/units").then().statusCode(403);
    as("auditor").get("/api/v1/audit?action=BOGUS").then().statusCode(400);
  }

  @Test
  void theTrailIsAppendOnlyAndTamperingBreaksTheChainAtThatRow() throws Exception {
    as("office").get("/api/v1/measures?size=1").then().statusCode(200);
    Api.createMeasure("gat"); // at least a few rows
    JsonPath ok = as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    assertThat(ok.getBoolean("intact")).isTrue();
    assertThat(ok.getLong("rows")).isPositive();
    long id = Db.scalar("select min(id) from audit_event where action = 'WRITE'");
    // whoever connects, UPDATE and DELETE are refused
    try (var c = Db.connect(); var st = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeUpdate("update audit_event set detail = 'x' where id = " + id))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeUpdate("delete from audit_event where id = " + id))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
    // the owner can switch the trigger off and rewrite a row: verify names that row
    String original;
    try (var c = Db.connect(); var st = c.createStatement()) {
      var rs = st.executeQuery("select detail from audit_event where id = " + id);
      rs.next();
      original = rs.getString(1);
      st.execute("alter table audit_event disable trigger audit_event_append_only");
      st.executeUpdate("update audit_event set detail = '{\"field\":\"title\",\"old\":\"a\",\"new\":\"forged\"}' where id = " + id);
      st.execute("alter table audit_event enable trigger audit_event_append_only");
    }
    try {
      JsonPath broken = as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
      assertThat(broken.getBoolean("intact")).isFalse();
      assertThat(broken.getLong("firstBrokenId")).isEqualTo(id);
      assertThat(broken.getString("reason")).contains("hash");
    } finally {
      try (var c = Db.connect(); var ps = c.prepareStatement("update audit_event set detail = ? where id = " + id); var st = c.createStatement()) {
        st.execute("alter table audit_event disable trigger audit_event_append_only");
        ps.setString(1, original);
        ps.executeUpdate();
        st.execute("alter table audit_event enable trigger audit_event_append_only");
      }
    }
    assertThat(as("auditor").get("/api/v1/audit/verify").then().extract().jsonPath().getBoolean("intact")).isTrue();
  }
}

package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.duban.audit.RefusalTally;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/**
 * Abuse before sign-in stays cheap (issue 11, point 6): a per-address rate limit in front of every
 * staff route, the failed-password throttle before any password is checked, and anonymous refusals
 * tallied as one audit row per address and minute. (scripts/abuse-flood.sh shows the same at
 * 10,000 requests a minute against the packaged app.)
 */
@QuarkusTest
@TestProfile(StaffGateTest.Limited.class)
class StaffGateTest {

  public static class Limited implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // each test speaks from its own addresses (X-Forwarded-For from a trusted proxy)
      return Map.of("tracker.staff-rate-limit", "30", "tracker.login.max-failures-per-address", "5",
          "tracker.trusted-proxies", "127.0.0.1,::1");
    }
  }

  @Inject
  RefusalTally tally;

  static Response from(String address, String user, String password) {
    var r = given().header("X-Forwarded-For", address);
    if (user != null) {
      r = r.auth().preemptive().basic(user, password);
    }
    return r.get("/api/v1/measures");
  }

  @Test
  void eachAddressHasItsOwnRateOnStaffRoutesAndThePublicIsNotCounted() {
    for (int i = 0; i < 30; i++) {
      from("198.51.100.70", "office", Api.PASSWORD).then().statusCode(200);
    }
    Response over = from("198.51.100.70", "office", Api.PASSWORD);
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.header("Retry-After")).isNotBlank();
    assertThat(over.contentType()).startsWith("application/problem+json");
    from("198.51.100.71", "office", Api.PASSWORD).then().statusCode(200);
    given().header("X-Forwarded-For", "198.51.100.70").get("/api/v1/public/summary").then().statusCode(200);
  }

  @Test
  void afterTooManyWrongPasswordsTheNextPasswordIsRefusedUnreadFromThatAddressOnly() {
    for (int i = 0; i < 5; i++) {
      from("198.51.100.80", "spray" + i, "guess").then().statusCode(401);
    }
    Response right = from("198.51.100.80", "office", Api.PASSWORD);
    assertThat(right.statusCode()).as("the throttle answers before the password is looked at").isEqualTo(429);
    assertThat(right.jsonPath().getString("detail")).contains("failed sign-ins");
    var form = given().redirects().follow(false).header("X-Forwarded-For", "198.51.100.80").contentType("application/x-www-form-urlencoded")
        .formParam("j_username", "office").formParam("j_password", Api.PASSWORD).post("/j_security_check");
    assertThat(form.header("Location")).endsWith("/login?error=throttled");
    from("198.51.100.81", "office", Api.PASSWORD).then().statusCode(200);
    // a token is no password: it still works from the throttled address
    String token = given().auth().preemptive().basic("office", Api.PASSWORD).header("X-Forwarded-For", "198.51.100.82")
        .contentType("application/json").body("{\"name\":\"gate\"}").post("/api/v1/me/tokens").then().statusCode(201).extract().path("token");
    given().header("X-Forwarded-For", "198.51.100.80").header("Authorization", "Bearer " + token).get("/api/v1/measures").then().statusCode(200);
  }

  @Test
  void aPathWithMatrixParametersCannotSlipPastTheGate() {
    // Quarkus REST would drop ";x" and match the resource; the gate saw another path
    given().redirects().follow(false).header("X-Forwarded-For", "198.51.100.95").contentType("application/x-www-form-urlencoded")
        .formParam("j_username", "office").formParam("j_password", "guess").post("/j_security_check;x").then().statusCode(400);
    given().header("X-Forwarded-For", "198.51.100.95").auth().preemptive().basic("office", Api.PASSWORD)
        .get("/api;x/v1/measures").then().statusCode(400);
    given().header("X-Forwarded-For", "198.51.100.95").get("/staff;x/dashboard").then().statusCode(400);
    given().header("X-Forwarded-For", "198.51.100.95").get("/api/v1/public/summary").then().statusCode(200);
  }

  @Test
  void anonymousRefusalsAreOneAuditRowPerAddressAndMinuteWithTheirCount() {
    tally.flushAll();
    long before = Db.scalar("select count(*) from audit_event");
    for (int i = 0; i < 40; i++) {
      from("198.51.100.90", null, null); // 30 × 401, then 10 × 429
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
      tally.flushAll();
      return Db.scalar("select coalesce(sum((detail::json->>'count')::int), 0) from audit_event where client_ip = '198.51.100.90'") == 40;
    });
    assertThat(Db.scalar("select count(*) from audit_event where client_ip = '198.51.100.90'")).isBetween(1L, 4L);
    assertThat(Db.scalar("select count(*) from audit_event")).isLessThanOrEqualTo(before + 10);
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fair use of the public API: a per-client limit, X-Forwarded-For only from our proxy, CORS for public GETs only. */
@QuarkusTest
@TestProfile(PublicFairUseTest.SmallLimit.class)
class PublicFairUseTest {

  public static class SmallLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("tracker.public-rate-limit", "5", "tracker.trusted-proxies", "127.0.0.1,::1");
    }
  }

  static Response from(String client, String forwardedFor) {
    return anonymous().header("X-Forwarded-For", forwardedFor).get("/api/v1/public/rules");
  }

  @Test
  void eachClientGetsItsOwnLimitAndA429WithRetryAfterBeyondIt() {
    for (int i = 0; i < 5; i++) {
      from("a", "203.0.113.7").then().statusCode(200);
    }
    Response over = from("a", "203.0.113.7");
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.contentType()).startsWith("application/problem+json");
    assertThat(Integer.parseInt(over.header("Retry-After"))).isBetween(1, 60);
    // a client cannot escape by writing its own X-Forwarded-For: only the hop our proxy appended counts
    assertThat(from("a", "198.51.100.1, 203.0.113.7").statusCode()).isEqualTo(429);
    // another client is not affected
    from("b", "203.0.113.8").then().statusCode(200);
    // nor is the staff API
    for (int i = 0; i < 7; i++) {
      as("office").header("X-Forwarded-For", "203.0.113.7").get("/api/v1/measures?size=1").then().statusCode(200);
    }
  }

  @Test
  void corsIsOpenForPublicGetsOnly() {
    Response pub = anonymous().header("Origin", "https://news.example").header("X-Forwarded-For", "203.0.113.20").get("/api/v1/public/summary");
    assertThat(pub.header("Access-Control-Allow-Origin")).isEqualTo("*");
    Response preflight = anonymous().header("Origin", "https://news.example").header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "If-None-Match").options("/api/v1/public/measures");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Methods")).doesNotContain("POST");
    Response staff = as("office").header("Origin", "https://news.example").get("/api/v1/measures?size=1");
    assertThat(staff.header("Access-Control-Allow-Origin")).isNull();
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.duban.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Absolute links come from TRACKER_PUBLIC_BASE_URL (in tests https://duban.example.gov.cn, set
 * without its trailing slash), never from the request's Host or X-Forwarded-Host: a request with a
 * forged host cannot plant its host in the public cache, which every later reader is served from.
 */
@QuarkusTest
class HostHeaderTest {

  static final String BASE = "https://duban.example.gov.cn/";
  static final String EVIL = "evil.example";

  static RequestSpecification forged(RequestSpecification r) {
    return r.header("Host", EVIL).header("X-Forwarded-Host", EVIL).header("X-Forwarded-Proto", "http");
  }

  @Test
  void aForgedHostNeitherReachesTheCachedFeedNorAnyOtherPublicAnswer() {
    // a change first, so that the forged request is the one that builds the feed again
    String code = Api.createMeasure("fy");
    Response evil = forged(anonymous()).get("/api/v1/public/feed.atom");
    evil.then().statusCode(200);
    String forgedBody = new String(evil.asByteArray(), StandardCharsets.UTF_8);
    assertThat(forgedBody).doesNotContain(EVIL)
        .contains("href=\"" + BASE + "api/v1/public/feed.atom\"");

    Response plain = anonymous().get("/api/v1/public/feed.atom");
    plain.then().statusCode(200);
    assertThat(plain.asByteArray()).isEqualTo(evil.asByteArray());
    assertThat(plain.header("ETag")).isEqualTo(evil.header("ETag"));

    for (String path : new String[] {"/", "/?lang=en", "/measures/" + code, "/measures/" + code + "?lang=en",
        "/api/v1/public/measures/" + code, "/api/v1/public/measures/" + code + "/timeline", "/api/v1/public/measures.csv"}) {
      String body = new String(forged(anonymous()).get(path).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
      assertThat(body).as(path).doesNotContain(EVIL);
    }
  }

  @Test
  void theLocationOfSomethingCreatedIsBuiltFromTheConfiguredBase() {
    String code = Api.newCode();
    Response created = forged(as("office")).body(Api.measureJson(code, "fy", "[]")).post("/api/v1/measures");
    created.then().statusCode(201);
    assertThat(created.header("Location")).isEqualTo(BASE + "api/v1/measures/" + code);

    String unit = "hh" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    Response unitCreated = forged(as("admin")).body("{\"code\":\"" + unit + "\",\"name\":\"主机头测试单位\"}").post("/api/v1/units");
    unitCreated.then().statusCode(201);
    assertThat(unitCreated.header("Location")).isEqualTo(BASE + "api/v1/units/" + unit);

    Response user = forged(as("admin"))
        .body("{\"username\":\"reporter-" + unit + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"REPORTER\",\"unit\":\"" + unit + "\"}")
        .post("/api/v1/users");
    user.then().statusCode(201);
    assertThat(user.header("Location")).isEqualTo(BASE + "api/v1/users/reporter-" + unit);

    Response report = forged(as("office")).body("{\"progress\":10,\"publicSummary\":\"启动\"}").post("/api/v1/measures/" + code + "/reports");
    report.then().statusCode(201);
    assertThat(report.header("Location")).isEqualTo(BASE + "api/v1/reports/" + report.jsonPath().getInt("id"));
  }
}

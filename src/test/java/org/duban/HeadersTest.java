package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security headers on pages and the API; nothing names the server or the framework. */
@QuarkusTest
class HeadersTest {

  @Test
  void pagesForbidFramingScriptsAndForeignContent() {
    for (String path : List.of("/", "/login", "/measures/J04", "/regions", "/regions/370100")) {
      Response r = given().get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      String csp = r.header("Content-Security-Policy");
      assertThat(csp).as(path).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'").doesNotContain("script-src");
      assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
    }
  }

  @Test
  void noResponseNamesTheServerOrItsVersion() {
    for (String path : List.of("/", "/api/v1/public/summary", "/api/v1/measures", "/no-such-path", "/q/health")) {
      Response r = given().get(path);
      assertThat(r.header("Server")).as(path).isNull();
      assertThat(r.header("X-Powered-By")).as(path).isNull();
      assertThat(r.asString()).as(path).doesNotContainIgnoringCase("quarkus").doesNotContainIgnoringCase("vert.x");
    }
  }
}

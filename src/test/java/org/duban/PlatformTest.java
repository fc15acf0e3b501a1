package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAPI is complete (codes and an example on every operation); health and metrics answer. */
@QuarkusTest
class PlatformTest {

  @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
  java.net.URL management;

  @Test
  void everyOperationDocumentsItsStatusCodesWithExamples() {
    JsonPath api = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (var path : paths.entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (var op : path.getValue().entrySet()) {
        operations++;
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.getValue().get("responses");
        if (responses == null || responses.keySet().stream().noneMatch(c -> c.startsWith("2"))) {
          missing.add(name + ": no success response");
          continue;
        }
        boolean staff = !path.getKey().startsWith("/api/v1/public");
        if (staff && !(responses.containsKey("401") && responses.containsKey("403"))) {
          missing.add(name + ": 401/403 undocumented");
        }
        for (var response : responses.entrySet()) {
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.getValue().get("content");
          if (response.getKey().equals("204") || response.getKey().equals("304")) {
            if (content != null && !content.isEmpty()) {
              missing.add(name + " " + response.getKey() + ": has content");
            }
            continue;
          }
          if (content == null || content.isEmpty()) {
            missing.add(name + " " + response.getKey() + ": no content");
            continue;
          }
          for (var media : content.entrySet()) {
            if (media.getValue().get("example") == null) {
              missing.add(name + " " + response.getKey() + " " + media.getKey() + ": no example");
            }
            if (response.getKey().startsWith("4") && !media.getKey().equals("application/problem+json")) {
              missing.add(name + " " + response.getKey() + ": error not problem+json");
            }
          }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) op.getValue().get("requestBody");
        if (body != null) {
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) body.get("content");
          content.forEach((k, v) -> { if (v.get("example") == null) missing.add(name + " request " + k + ": no example"); });
        }
      }
    }
    assertThat(operations).isGreaterThan(20);
    assertThat(missing).isEmpty();
  }

  @Test
  void swaggerUiHealthAndMetricsAnswer() {
    given().get(org.duban.support.Management.url(management, "/q/swagger-ui/")).then().statusCode(200);
    given().get(org.duban.support.Management.url(management, "/q/health")).then().statusCode(200);
    given().get(org.duban.support.Management.url(management, "/q/health/ready")).then().statusCode(200);
    given().get("/api/v1/public/summary").then().statusCode(200);
    String metrics = given().get(org.duban.support.Management.url(management, "/q/metrics")).then().statusCode(200).extract().asString();
    assertThat(metrics).contains("http_server_requests");
  }

  @Test
  void crawlersAreToldWhatIsPublicAndPagesDescribeThemselves() {
    String robots = given().get("/robots.txt").then().statusCode(200).contentType("text/plain").extract().asString();
    assertThat(robots).contains("Allow: /api/v1/public/", "Disallow: /staff", "Disallow: /api/");
    String page = given().get("/").then().statusCode(200).extract().asString();
    assertThat(page).contains("<meta name=\"description\" content=\"政法为民36件实事", "<link rel=\"icon\" href=\"data:,\">");
  }

  @Test
  void anUnknownPathIsA404Problem() {
    given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
  }
}

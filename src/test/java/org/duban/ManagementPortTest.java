package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Operations endpoints are off the public port (issue 11, point 9): health, metrics and Swagger UI
 * answer on the management interface only; the OpenAPI document is there, and on the main port
 * only because these tests run in demo mode (TRACKER_OPENAPI_PUBLIC defaults to on there;
 * OpenApiHiddenTest shows it off).
 */
@QuarkusTest
class ManagementPortTest {

  @TestHTTPResource(value = "/", management = true)
  URL management;

  /** A path on the management interface (the injected URL points at its root path, /q). */
  String mgmt(String path) {
    return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort() + path;
  }

  @Test
  void healthMetricsAndSwaggerUiAnswerOnTheManagementPortOnly() {
    assertThat(management.getPort()).isPositive();
    for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/swagger-ui/"}) {
      given().get(mgmt(path)).then().statusCode(200);
      assertThat(given().get(path).statusCode()).as("main port " + path).isEqualTo(404);
    }
    assertThat(given().get(mgmt("/q/metrics")).asString()).contains("jvm_memory_used_bytes");
  }

  @Test
  void theOpenApiDocumentIsOnTheManagementPortAndHereOnTheMainPortInDemoMode() {
    String onMgmt = given().get(mgmt("/q/openapi?format=json")).then().statusCode(200).extract().asString();
    String onMain = given().get("/q/openapi?format=json").then().statusCode(200).contentType("application/json").extract().asString();
    assertThat(onMain).isEqualTo(onMgmt).contains("/api/v1/me/tokens");
    assertThat(given().get("/q/openapi").then().statusCode(200).extract().asString()).startsWith("---");
    // it says how the API is really called: a token besides Basic on staff operations, nothing on public ones
    var doc = io.restassured.path.json.JsonPath.from(onMain);
    assertThat(doc.getString("components.securitySchemes.token.scheme")).isEqualTo("bearer");
    assertThat(doc.getList("paths.'/api/v1/measures/{code}'.get.security*.keySet().flatten()")).contains("basic", "token");
    assertThat(doc.getList("paths.'/api/v1/public/summary'.get.security")).hasSize(1);
    assertThat(doc.getMap("paths.'/api/v1/public/summary'.get.security[0]")).isEmpty();
    assertThat(doc.getString("paths.'/api/v1/measures/{code}'.patch.operationId")).isEqualTo("MeasureResource_patch");
  }
}

package org.duban;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With TRACKER_OPENAPI_PUBLIC=false (the default outside demo mode) the main port has no /q/openapi. */
@QuarkusTest
@TestProfile(OpenApiHiddenTest.Hidden.class)
class OpenApiHiddenTest {

  public static class Hidden implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("tracker.openapi-public", "false");
    }
  }

  @TestHTTPResource(value = "/", management = true)
  URL management;

  @Test
  void theDocumentIsOnTheManagementPortOnly() {
    given().get("/q/openapi").then().statusCode(404);
    given().get(management.getProtocol() + "://" + management.getHost() + ":" + management.getPort() + "/q/openapi").then().statusCode(200);
  }
}

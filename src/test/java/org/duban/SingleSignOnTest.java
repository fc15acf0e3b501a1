package org.duban;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on by configuration: with OpenID Connect switched on (a WireMock identity provider
 * stands in for the province's), the API takes bearer tokens; the local account still decides the
 * role, whatever groups the token claims.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.Sso.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class SingleSignOnTest {

  public static class Sso implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.tenant-enabled", "true",
          "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
          "quarkus.oidc.client-id", "quarkus-service-app",
          "quarkus.oidc.token.principal-claim", "preferred_username",
          "smallrye.jwt.sign.key.location", "privateKey.jwk");
    }
  }

  static String token(String user, Set<String> groups) {
    return OidcWiremockTestResource.getAccessToken(user, groups);
  }

  @Test
  void aTokenForALocalAccountGetsThatAccountsRoleAndNothingMore() {
    given().auth().oauth2(token("office", Set.of())).get("/api/v1/measures?size=1").then().statusCode(200);
    given().auth().oauth2(token("leader", Set.of("OFFICE", "ADMIN"))).get("/api/v1/dashboard").then().statusCode(200);
    // the token's groups give nothing: the leader's account is LEADER
    given().auth().oauth2(token("leader", Set.of("OFFICE", "ADMIN"))).get("/api/v1/users").then().statusCode(403);
    given().auth().oauth2(token("reporter-fy", Set.of())).get("/api/v1/dashboard").then().statusCode(403);
  }

  @Test
  void noTokenABadTokenOrNoLocalAccountIs401() {
    given().get("/api/v1/measures").then().statusCode(401);
    given().auth().oauth2("not-a-token").get("/api/v1/measures").then().statusCode(401);
    given().auth().oauth2(token("stranger-" + System.nanoTime(), Set.of("OFFICE"))).get("/api/v1/measures").then().statusCode(401);
    given().get("/api/v1/public/summary").then().statusCode(200);
  }
}

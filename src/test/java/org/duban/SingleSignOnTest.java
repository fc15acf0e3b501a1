package org.duban;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on by configuration: with OpenID Connect switched on (a WireMock identity provider
 * stands in for the province's), the API takes bearer tokens issued to Duban's client (the token's
 * audience) that name the user in {@code preferred_username}; the local account still decides the
 * role, whatever groups the token claims. Only the switch, the provider and the client id are set
 * here: the audience and the principal claim are the shipped configuration's.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.Sso.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class SingleSignOnTest {

  static final String CLIENT = "duban";
  static final String ISSUER = "https://server.example.com";

  public static class Sso implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.tenant-enabled", "true",
          "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
          "quarkus.oidc.client-id", CLIENT,
          "smallrye.jwt.sign.key.location", "privateKey.jwk");
    }
  }

  /** A token the provider issued to Duban's client for this user. */
  static String token(String user, Set<String> groups) {
    return OidcWiremockTestResource.generateJwtToken(user, groups, "sub-" + user, "Bearer", Set.of(CLIENT));
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

  @Test
  void aTokenIssuedToAnotherClientOfTheSameRealmIs401() {
    String forOther = OidcWiremockTestResource.generateJwtToken("office", Set.of(), "sub-office", "Bearer", Set.of("another-app"));
    given().auth().oauth2(forOther).get("/api/v1/measures?size=1").then().statusCode(401);
    // the WireMock provider's own default audience is not Duban's either
    given().auth().oauth2(OidcWiremockTestResource.getAccessToken("office", Set.of())).get("/api/v1/measures?size=1").then().statusCode(401);
    given().auth().oauth2(token("office", Set.of())).get("/api/v1/measures?size=1").then().statusCode(200);
  }

  @Test
  void aTokenWithoutPreferredUsernameIs401EvenWhenAnotherClaimNamesALocalAccount() {
    // upn and sub are what the JWT principal falls back to; neither may stand in for preferred_username
    String noName = Jwt.issuer(ISSUER).audience(CLIENT).upn("office").subject("office").claim("email", "office@duban.test")
        .jws().keyId("1").sign("privateKey.jwk");
    given().auth().oauth2(noName).get("/api/v1/measures?size=1").then().statusCode(401);
    String blankName = Jwt.issuer(ISSUER).audience(CLIENT).preferredUserName(" ").upn("office").subject("office")
        .jws().keyId("1").sign("privateKey.jwk");
    given().auth().oauth2(blankName).get("/api/v1/measures?size=1").then().statusCode(401);
  }
}

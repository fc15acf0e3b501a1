package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.junit.jupiter.api.Test;

/**
 * Personal API tokens (issue 11, point 11): made by a signed-in user for itself, shown once, kept
 * as a hash, named, with an end; listed and revocable; acting with the owner's role and scope.
 */
@QuarkusTest
class TokenTest {

  static Response create(String user, String body) {
    return given().auth().preemptive().basic(user, Api.PASSWORD).contentType(ContentType.JSON).body(body).post("/api/v1/me/tokens");
  }

  @Test
  void aTokenIsShownOnceKeptAsAHashAndActsAsItsOwner() {
    String reporter = Accounts.reporter("fy");
    Response made = create(reporter, "{\"name\":\"周报脚本\",\"expiresAt\":\"2099-12-31\"}".replace("2099-12-31",
        java.time.LocalDate.now().plusDays(30).toString()));
    assertThat(made.statusCode()).isEqualTo(201);
    String token = made.jsonPath().getString("token");
    assertThat(token).startsWith("duban_").hasSize(49);
    assertThat(made.header("Location")).endsWith("/api/v1/me/tokens/" + made.jsonPath().getLong("id"));
    // kept only as its SHA-256
    assertThat(Db.scalar("select count(*) from api_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", token)).isEqualTo(1);
    assertThat(Db.scalar("select count(*) from api_token where name = ? or hint = ? or token_hash = ?", token, token, token)).isZero();
    // listed without the token
    JsonPath list = given().auth().preemptive().basic(reporter, Api.PASSWORD).get("/api/v1/me/tokens").then().statusCode(200).extract().jsonPath();
    assertThat(list.getList("name")).containsExactly("周报脚本");
    assertThat(list.prettify()).doesNotContain(token);
    assertThat(list.getString("[0].hint")).isEqualTo(token.substring(0, 10));
    // it acts as the reporter: its unit's measures, nothing of the office's
    String code = Api.createMeasure("fy");
    String other = Api.createMeasure("gat");
    Accounts.bearer(token).get("/api/v1/measures/" + code).then().statusCode(200);
    Accounts.bearer(token).get("/api/v1/measures/" + other).then().statusCode(404);
    Accounts.bearer(token).body("{\"progress\":10,\"publicSummary\":\"令牌报送\"}").post("/api/v1/measures/" + code + "/reports").then().statusCode(201);
    Accounts.bearer(token).post("/api/v1/scans").then().statusCode(403);
    assertThat(Db.scalar("select count(*) from journal_entry where actor = ? and entity = 'REPORT'", reporter)).isPositive();
    assertThat(Db.scalar("select count(*) from api_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex') and last_used_at is not null", token)).isEqualTo(1);
    // a token does not make tokens
    Accounts.bearer(token).body("{\"name\":\"more\"}").post("/api/v1/me/tokens").then().statusCode(403);
  }

  @Test
  void aRevokedOrExpiredTokenStopsAtOnceAndOnlyItsOwnerRevokesIt() {
    String leader = Accounts.business("LEADER");
    Response made = create(leader, "{\"name\":\"dashboard\"}");
    String token = made.jsonPath().getString("token");
    long id = made.jsonPath().getLong("id");
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(200);
    given().auth().preemptive().basic("office", Api.PASSWORD).delete("/api/v1/me/tokens/" + id).then().statusCode(404);
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(200);
    given().auth().preemptive().basic(leader, Api.PASSWORD).delete("/api/v1/me/tokens/" + id).then().statusCode(204);
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(401);
    given().auth().preemptive().basic(leader, Api.PASSWORD).get("/api/v1/me/tokens").then().body("[0].revokedAt", org.hamcrest.Matchers.notNullValue());

    String second = create(leader, "{\"name\":\"short-lived\"}").jsonPath().getString("token");
    try (var c = Db.connect(); var st = c.prepareStatement("update api_token set expires_at = now() - interval '1 second' where name = 'short-lived' and username = ?")) {
      st.setString(1, leader);
      st.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    Accounts.bearer(second).get("/api/v1/dashboard").then().statusCode(401);
    // a made-up token, and one of the wrong shape: the same 401
    Accounts.bearer("duban_" + "x".repeat(43)).get("/api/v1/dashboard").then().statusCode(401);
    Accounts.bearer("duban_short").get("/api/v1/dashboard").then().statusCode(401);
  }

  @Test
  void badExpiriesAndNamesAreRefused() {
    String leader = Accounts.business("LEADER");
    create(leader, "{\"name\":\"x\",\"expiresAt\":\"2020-01-01\"}").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("expiresAt"));
    create(leader, "{\"name\":\"x\",\"expiresAt\":\"" + java.time.LocalDate.now().plusDays(400) + "\"}").then().statusCode(400);
    create(leader, "{\"name\":\"x\",\"expiresAt\":\"next week\"}").then().statusCode(400);
    create(leader, "{\"name\":\"\"}").then().statusCode(400);
    create(leader, "{\"name\":\"x\",\"scope\":\"all\"}").then().statusCode(400);
    assertThat(Db.scalar("select count(*) from api_token where username = ?", leader)).isZero();
  }

  @Test
  void theAccountPageMakesShowsAndRevokesTokens() {
    String office = Accounts.business("OFFICE");
    String session = Pages.session(office);
    Response made = Pages.form(session, "/staff/account").formParam("name", "台账导出").post("/staff/account/tokens");
    assertThat(made.statusCode()).isEqualTo(201);
    Matcher m = Pattern.compile("id=\"token-value\">(duban_[A-Za-z0-9_-]{43})<").matcher(made.asString());
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    Accounts.bearer(token).get("/api/v1/overdue").then().statusCode(200);
    String page = Pages.page(session).get("/staff/account").then().statusCode(200).extract().asString();
    assertThat(page).contains("台账导出").doesNotContain(token);
    long id = Db.scalar("select id from api_token where username = ?", office);
    Pages.form(session, "/staff/account").post("/staff/account/tokens/" + id + "/revoke").then().statusCode(303);
    Accounts.bearer(token).get("/api/v1/overdue").then().statusCode(401);
    // without the form's token, nothing is made
    Pages.page(session).contentType(ContentType.URLENC).formParam("name", "forged").post("/staff/account/tokens").then().statusCode(403);
    assertThat(Db.scalar("select count(*) from api_token where name = 'forged'")).isZero();
    as("office").get("/api/v1/me/tokens").then().statusCode(200);
  }
}

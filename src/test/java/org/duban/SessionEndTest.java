package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.junit.jupiter.api.Test;

/**
 * Sessions really end (issue 11, point 2): a cookie from before a logout, a password change, a
 * reset or a security administrator's lock is refused forever, whatever else the request carries;
 * the automatic lockout after failed passwords blocks passwords only.
 */
@QuarkusTest
class SessionEndTest {

  static int dashboard(String session) {
    return Pages.page(session).get("/staff/dashboard").statusCode();
  }

  static Response basic(String user, String password) {
    return given().auth().preemptive().basic(user, password).get("/api/v1/dashboard");
  }

  @Test
  void aCookieCapturedBeforeLogoutIsRefusedAfterTheNextLoginAndWithAnyAuthorizationHeader() {
    String user = Accounts.business("LEADER");
    String old = Pages.session(user);
    assertThat(dashboard(old)).isEqualTo(200);
    Pages.form(old, "/staff/dashboard").post("/logout").then().statusCode(303);
    assertThat(dashboard(old)).isEqualTo(303);
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'USER' and entity_key = ? and action = 'LOGOUT'", user))
        .as("the logout is journaled (and so audited)").isEqualTo(1);

    String fresh = Pages.session(user);
    assertThat(dashboard(fresh)).isEqualTo(200);
    assertThat(dashboard(old)).as("the old cookie does not come back with the next login").isEqualTo(303);
    assertThat(Pages.page(old).header("Authorization", "x").get("/staff/dashboard").statusCode())
        .as("nor with an Authorization header").isEqualTo(303);
    assertThat(Pages.page(old).auth().preemptive().basic(user, Api.PASSWORD).get("/staff/dashboard").statusCode())
        .as("nor with the right Basic credentials: the pages go by the session").isEqualTo(303);
    // the refused cookie is cleared in the browser
    assertThat(Pages.page(old).get("/staff/dashboard").header("Set-Cookie")).contains("duban-session=;").contains("Max-Age=0");
    // logout ended every session of the account, the one made since is unaffected by what came before
    assertThat(dashboard(fresh)).isEqualTo(200);
  }

  @Test
  void aPasswordChangeEndsEveryOtherSessionAndGivesThisBrowserANewOne() {
    String user = Accounts.business("OFFICE");
    String here = Pages.session(user);
    String elsewhere = Pages.session(user);
    Response changed = Pages.form(here, "/staff/password").formParam("currentPassword", Api.PASSWORD)
        .formParam("newPassword", "Another-Good-Pass-2026").post("/staff/password");
    assertThat(changed.statusCode()).isEqualTo(303);
    String renewed = changed.getCookie("duban-session");
    assertThat(renewed).isNotBlank().isNotEqualTo(here);
    assertThat(dashboard(elsewhere)).as("another browser's session ends").isEqualTo(303);
    assertThat(dashboard(here)).as("and the cookie this browser had").isEqualTo(303);
    assertThat(dashboard(renewed)).isEqualTo(200);
    // over the API as well
    given().auth().preemptive().basic(user, "Another-Good-Pass-2026").contentType(ContentType.JSON)
        .body("{\"currentPassword\":\"Another-Good-Pass-2026\",\"newPassword\":\"Third-Good-Pass-2026\"}")
        .post("/api/v1/me/password").then().statusCode(204);
    assertThat(dashboard(renewed)).isEqualTo(303);
  }

  @Test
  void anAdministratorsResetEndsEverySession() {
    String user = Accounts.business("LEADER");
    String session = Pages.session(user);
    String token = Accounts.token(user);
    as("admin").body("{\"newPassword\":\"Temporary-Pass-2026x\"}").post("/api/v1/users/" + user + "/password").then().statusCode(204);
    assertThat(dashboard(session)).isEqualTo(303);
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(401);
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'TOKEN' and entity_key = ? and action = 'REVOKE_ALL'", user)).isEqualTo(1);
  }

  @Test
  void theSecurityAdministratorsLockEndsSessionsAndTokensForGood() {
    String user = Accounts.business("LEADER");
    String session = Pages.session(user);
    String token = Accounts.token(user);
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(200);
    as("security").body("{\"reason\":\"调离岗位\"}").post("/api/v1/users/" + user + "/lock").then().statusCode(200)
        .body("locked", org.hamcrest.Matchers.is(true)).body("lockedBy", org.hamcrest.Matchers.is("security"));
    assertThat(dashboard(session)).isEqualTo(303);
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(401);
    basic(user, Api.PASSWORD).then().statusCode(401);
    // the account list shows who is locked, by whom and why
    var listed = as("security").get("/api/v1/users?size=100&page=" + 0).then().statusCode(200).extract().jsonPath();
    int pages = (int) Math.ceil(listed.getLong("total") / 100.0);
    java.util.Map<String, Object> row = null;
    for (int p = 0; p < pages && row == null; p++) {
      row = as("security").get("/api/v1/users?size=100&page=" + p).then().extract().jsonPath()
          .getMap("items.find { it.username == '" + user + "' }");
    }
    assertThat(row).containsEntry("locked", true).containsEntry("lockedBy", "security").containsEntry("lockReason", "调离岗位");
    assertThat(Pages.signIn(user, Api.PASSWORD, null).header("Location")).endsWith("/login?error=1");
    as("security").post("/api/v1/users/" + user + "/unlock").then().statusCode(200).body("locked", org.hamcrest.Matchers.is(false));
    // after the incident nothing made before it acts again: the user signs in and makes new ones
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(401);
    assertThat(dashboard(session)).as("a session ended by the lock stays ended").isEqualTo(303);
    basic(user, Api.PASSWORD).then().statusCode(200);
    Accounts.bearer(Accounts.token(user)).get("/api/v1/dashboard").then().statusCode(200);
  }

  @Test
  void theAutomaticLockoutBlocksPasswordsOnlyAndOnlyARightPasswordResetsTheCount() {
    String user = Accounts.business("LEADER");
    String session = Pages.session(user);
    String token = Accounts.token(user);
    for (int i = 0; i < 4; i++) {
      basic(user, "wrong-" + i).then().statusCode(401);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> Db.scalar("select failed_logins from app_user where username = ?", user) == 4);
    // the victim's own session and token keep polling: that resets nothing
    assertThat(dashboard(session)).isEqualTo(200);
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(200);
    assertThat(Db.scalar("select failed_logins from app_user where username = ?", user)).isEqualTo(4);
    basic(user, "wrong-5").then().statusCode(401);
    await().atMost(Duration.ofSeconds(5))
        .until(() -> Db.scalar("select count(*) from app_user where username = ? and locked_until > now()", user) == 1);
    // locked: the right password is refused like a wrong one ...
    basic(user, Api.PASSWORD).then().statusCode(401);
    // ... but the session and the token of the account go on working
    assertThat(dashboard(session)).isEqualTo(200);
    Accounts.bearer(token).get("/api/v1/dashboard").then().statusCode(200);
  }
}

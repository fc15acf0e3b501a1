package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.junit.jupiter.api.Test;

/** The password policy, the administrator's reset, expiry, and changing one's own password. */
@QuarkusTest
class PasswordTest {

  static String create(String password) {
    String name = "pw" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Response r = as("admin").body("{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"LEADER\"}").post("/api/v1/users");
    return r.statusCode() == 201 ? name : "refused:" + r.jsonPath().getList("errors.message");
  }

  static Response asUser(String user, String password) {
    return given().auth().preemptive().basic(user, password).contentType("application/json").get("/api/v1/dashboard");
  }

  @Test
  void weakPasswordsAreRefusedWithTheReason() {
    assertThat(create("Short-1a")).contains("at least 12");
    assertThat(create("alllowercaseletters")).contains("3 of");
    assertThat(create("Password1234!")).contains("too common");
    assertThat(create("1qaz2wsx3edc")).contains("3 of", "too common");
    assertThat(create("Admin@123456")).contains("too common");
    assertThat(create(Api.PASSWORD)).doesNotStartWith("refused");
    String name = create(Api.PASSWORD);
    as("admin").body("{\"newPassword\":\"" + name + "-Secret-99\"}").post("/api/v1/users/" + name + "/password")
        .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("user name"));
  }

  @Test
  void aResetForcesAChangeAndOnlyTheChangeIsAllowedUntilThen() {
    String name = create(Api.PASSWORD);
    asUser(name, Api.PASSWORD).then().statusCode(200);
    String temporary = "Temporary-Pass-" + System.nanoTime() % 1000;
    as("admin").body("{\"newPassword\":\"" + temporary + "\"}").post("/api/v1/users/" + name + "/password").then().statusCode(204);
    asUser(name, Api.PASSWORD).then().statusCode(401);
    Response blocked = asUser(name, temporary);
    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(blocked.jsonPath().getString("detail")).contains("/api/v1/me/password");
    // the change: the current password must be right, the new one good and different
    String me = "/api/v1/me/password";
    given().auth().preemptive().basic(name, temporary).contentType("application/json")
        .body("{\"currentPassword\":\"wrong\",\"newPassword\":\"Brand-New-Pass-77\"}").post(me).then().statusCode(400);
    given().auth().preemptive().basic(name, temporary).contentType("application/json")
        .body("{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"short\"}").post(me).then().statusCode(400);
    given().auth().preemptive().basic(name, temporary).contentType("application/json")
        .body("{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"Brand-New-Pass-77\"}").post(me).then().statusCode(204);
    asUser(name, "Brand-New-Pass-77").then().statusCode(200);
    // journaled without the password, audited
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'USER' and entity_key = ? and action in ('PASSWORD_RESET', 'PASSWORD_CHANGE')", name)).isEqualTo(2);
    assertThat(Db.scalar("select count(*) from journal_entry where entity_key = ? and (new_value like '%Brand-New%' or new_value like '%Temporary%')", name)).isZero();
  }

  @Test
  void aPasswordOlderThan90DaysOnlyAllowsChangingIt() throws Exception {
    String name = create(Api.PASSWORD);
    try (var c = Db.connect(); var st = c.prepareStatement("update app_user set password_changed_at = now() - interval '91 days' where username = ?")) {
      st.setString(1, name);
      st.executeUpdate();
    }
    assertThat(asUser(name, Api.PASSWORD).statusCode()).isEqualTo(403);
    given().auth().preemptive().basic(name, Api.PASSWORD).contentType("application/json")
        .body("{\"currentPassword\":\"" + Api.PASSWORD + "\",\"newPassword\":\"Fresh-Password-2022\"}").post("/api/v1/me/password").then().statusCode(204);
    asUser(name, "Fresh-Password-2022").then().statusCode(200);
    // hashes stay bcrypt
    assertThat(Db.scalar("select count(*) from app_user where username = ? and password_hash like '$2%'", name)).isEqualTo(1);
  }

  @Test
  void inTheBrowserAResetUserIsSentToTheChangeFormFirst() {
    String name = create(Api.PASSWORD);
    String temporary = "Temporary-Page-" + System.nanoTime() % 1000;
    as("admin").body("{\"newPassword\":\"" + temporary + "\"}").post("/api/v1/users/" + name + "/password").then().statusCode(204);
    var first = Pages.signIn(name, temporary, null);
    assertThat(first.header("Location")).as("straight to the change form").endsWith("/staff/password");
    String session = first.getCookie("duban-session");
    StaffPagesTest.page(session).get("/staff/dashboard").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/staff/password"));
    String html = StaffPagesTest.page(session).get("/staff/password").then().statusCode(200).extract().asString();
    java.util.regex.Matcher m = StaffPagesTest.TOKEN.matcher(html);
    assertThat(m.find()).isTrue();
    StaffPagesTest.page(session).contentType(io.restassured.http.ContentType.URLENC).formParam("csrf", m.group(1))
        .formParam("currentPassword", temporary).formParam("newPassword", "weak").post("/staff/password").then().statusCode(400);
    StaffPagesTest.page(session).contentType(io.restassured.http.ContentType.URLENC).formParam("csrf", m.group(1))
        .formParam("currentPassword", temporary).formParam("newPassword", "Chosen-By-Me-2022").post("/staff/password").then().statusCode(303);
    StaffPagesTest.page(StaffPagesTest.login(name, "Chosen-By-Me-2022")).get("/staff/dashboard").then().statusCode(200);
  }

  @Test
  void onlyAnAdministratorResets() {
    for (String user : List.of("office", "auditor", "leader")) {
      as(user).body("{\"newPassword\":\"Temporary-Pass-123\"}").post("/api/v1/users/leader/password").then().statusCode(403);
    }
  }
}

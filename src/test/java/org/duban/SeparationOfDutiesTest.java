package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.identity.IdentityService;
import org.duban.platform.Role;
import org.duban.platform.Actor;
import org.duban.platform.SecretPolicy;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.duban.support.Totp;
import org.junit.jupiter.api.Test;

/**
 * Separation of duties as MLPS 2.0 level 3 means it (issue 11, point 4): the system, security and
 * audit administrators cannot act for each other, nobody administers its own kind, and the three
 * sign in with a second factor (the demo accounts are exempt in demo mode only, which these tests
 * run in: so every administrator here is a fresh, non-demo account).
 */
@QuarkusTest
class SeparationOfDutiesTest {

  static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

  @Inject
  IdentityService identity;

  static String user(String role) {
    return "{\"username\":\"sod-" + role.toLowerCase() + "-" + Long.toString(System.nanoTime() % 10_000_000_000L, 36)
        + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"" + role + "\"}";
  }

  @Test
  void theSystemAdministratorKeepsBusinessAccountsOnly() {
    as("admin").body(user("LEADER")).post("/api/v1/users").then().statusCode(201);
    for (String role : new String[] {"AUDITOR", "ADMIN", "SECURITY"}) {
      Response r = as("admin").body(user(role)).post("/api/v1/users");
      assertThat(r.statusCode()).as(role).isEqualTo(403);
      assertThat(r.jsonPath().getString("detail")).contains("may not create");
    }
    // not the auditor's password, not its own kind, not itself, not the security administrator's
    String body = "{\"newPassword\":\"Taken-Over-Pass-2026\"}";
    for (String target : new String[] {"auditor", "admin", "security"}) {
      as("admin").body(body).post("/api/v1/users/" + target + "/password").then().statusCode(403);
    }
    as("admin").body("{\"reason\":\"x\"}").post("/api/v1/users/leader/lock").then().statusCode(403);
    as("admin").get("/api/v1/audit").then().statusCode(403);
    assertThat(Db.scalar("select count(*) from app_user where username in ('auditor', 'security') and must_change_password")).isZero();
  }

  @Test
  void theSecurityAdministratorKeepsPrivilegedAccountsLocksAndResetsButNotItsOwnKind() {
    String auditor = Accounts.privileged("AUDITOR");
    Accounts.privileged("ADMIN");
    as("security").body(user("LEADER")).post("/api/v1/users").then().statusCode(403);
    as("security").body(user("SECURITY")).post("/api/v1/users").then().statusCode(403);
    as("security").body("{\"newPassword\":\"Reset-By-Security-26\"}").post("/api/v1/users/" + auditor + "/password").then().statusCode(204);
    as("security").body("{\"newPassword\":\"Reset-By-Security-26\"}").post("/api/v1/users/security/password").then().statusCode(403);
    as("security").body("{\"reason\":\"x\"}").post("/api/v1/users/security/lock").then().statusCode(403);
    as("security").get("/api/v1/audit").then().statusCode(403);
    as("security").body("{\"code\":\"sec2\",\"name\":\"x\"}").post("/api/v1/units").then().statusCode(403);
    // the auditor reads the trail and administers nothing
    as("auditor").get("/api/v1/users").then().statusCode(403);
    as("auditor").body(user("AUDITOR")).post("/api/v1/users").then().statusCode(403);
    as("auditor").get("/api/v1/audit").then().statusCode(200);
  }

  @Test
  void anAdministratorEnrolsASecondFactorAtFirstSignInAndBasicAloneIsRefused() {
    String auditor = Accounts.privileged("AUDITOR");
    // Basic alone: refused, with what to do
    Response basic = given().auth().preemptive().basic(auditor, Api.PASSWORD).get("/api/v1/audit");
    assertThat(basic.statusCode()).isEqualTo(403);
    assertThat(basic.jsonPath().getString("detail")).contains("second factor");
    // the form signs in, but only to enrol
    Response first = Pages.signIn(auditor, Api.PASSWORD, null);
    assertThat(first.header("Location")).endsWith("/staff/account");
    String session = first.getCookie("duban-session");
    assertThat(Pages.page(session).get("/staff/account").then().statusCode(200).extract().asString()).contains("id=\"enrol-required\"");
    Response qr = Pages.form(session, "/staff/account").post("/staff/account/totp");
    String html = qr.then().statusCode(200).extract().asString();
    assertThat(html).contains("<svg", "totp-qr");
    Matcher m = SECRET.matcher(html);
    assertThat(m.find()).isTrue();
    String secret = m.group(1);
    // a wrong code does not enrol
    Pages.form(session, "/staff/account").formParam("code", "000000").post("/staff/account/totp/confirm").then().statusCode(400);
    Response confirmed = Pages.form(session, "/staff/account").formParam("code", Totp.code(secret)).post("/staff/account/totp/confirm");
    assertThat(confirmed.statusCode()).isEqualTo(303);
    // every session made without the code has ended; the browser that gave it has a new one, two-factor
    assertThat(Pages.page(session).get("/staff/account").statusCode()).isEqualTo(303);
    String enrolled = confirmed.getCookie("duban-session");
    assertThat(enrolled).isNotBlank().isNotEqualTo(session);
    // a token made there works on the API
    Response created = Pages.form(enrolled, "/staff/account").formParam("name", "审计脚本").post("/staff/account/tokens");
    assertThat(created.statusCode()).isEqualTo(201);
    Matcher t = Pattern.compile("id=\"token-value\">(duban_[A-Za-z0-9_-]+)<").matcher(created.asString());
    assertThat(t.find()).isTrue();
    Accounts.bearer(t.group(1)).get("/api/v1/audit").then().statusCode(200);
    // the password alone no longer signs in; with the code it does (a code counts once)
    assertThat(Pages.signIn(auditor, Api.PASSWORD, null).header("Location")).endsWith("/login?error=1");
    String next = Totp.code(secret, 1);
    assertThat(Pages.signIn(auditor, Api.PASSWORD, next).header("Location")).endsWith("/staff");
    assertThat(Pages.signIn(auditor, Api.PASSWORD, next).header("Location")).as("the same code again").endsWith("/login?error=1");
    // Basic with a code makes a token (for scripts), and Basic still does nothing else. (The codes of
    // this 30-second step are used up above: the test forgets which, rather than wait for the next.)
    try (var c = Db.connect(); var st = c.prepareStatement("update app_user set totp_last_step = null where username = ?")) {
      st.setString(1, auditor);
      st.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    String later = Totp.code(secret);
    given().auth().preemptive().basic(auditor, Api.PASSWORD).contentType(ContentType.JSON).header("X-Duban-OTP", later)
        .body("{\"name\":\"cli\"}").post("/api/v1/me/tokens").then().statusCode(201).body("twoFactor", org.hamcrest.Matchers.is(true));
    given().auth().preemptive().basic(auditor, Api.PASSWORD).contentType(ContentType.JSON)
        .body("{\"name\":\"cli\"}").post("/api/v1/me/tokens").then().statusCode(403);
    given().auth().preemptive().basic(auditor, Api.PASSWORD).get("/api/v1/audit/verify").then().statusCode(403);
    // and a password alone never replaces the second factor, nor changes the password
    given().auth().preemptive().basic(auditor, Api.PASSWORD).contentType(ContentType.JSON).post("/api/v1/me/totp").then().statusCode(403);
    given().auth().preemptive().basic(auditor, Api.PASSWORD).contentType(ContentType.JSON)
        .body("{\"currentPassword\":\"" + Api.PASSWORD + "\",\"newPassword\":\"Taken-Over-Pass-2026\"}").post("/api/v1/me/password")
        .then().statusCode(403);
    // a session made with the code cannot rebind the app without a code of it either (a stolen cookie)
    String fresh = Pages.session(auditor, Api.PASSWORD, Totp.code(secret, 1));
    Pages.form(fresh, "/staff/account").post("/staff/account/totp").then().statusCode(400);
    assertThat(Db.scalar("select count(*) from app_user where username = ? and totp_pending_secret is not null and totp_secret = ?", auditor, secret))
        .isZero();
  }

  @Test
  void guessingTheCodeCountsLikeGuessingThePassword() {
    String admin = Accounts.privileged("ADMIN");
    // enrolled over the API (the first enrolment needs only the password, as on the page)
    String secret = given().auth().preemptive().basic(admin, Api.PASSWORD).contentType(ContentType.JSON)
        .post("/api/v1/me/totp").then().statusCode(200).extract().path("secret");
    given().auth().preemptive().basic(admin, Api.PASSWORD).contentType(ContentType.JSON)
        .body("{\"code\":\"" + Totp.code(secret) + "\"}").post("/api/v1/me/totp/confirm").then().statusCode(204);
    for (int i = 0; i < 5; i++) {
      given().auth().preemptive().basic(admin, Api.PASSWORD).contentType(ContentType.JSON).header("X-Duban-OTP", "00000" + i)
          .body("{\"name\":\"guess\"}").post("/api/v1/me/tokens").then().statusCode(400);
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
        .until(() -> Db.scalar("select count(*) from app_user where username = ? and locked_until > now()", admin) == 1);
    given().auth().preemptive().basic(admin, Api.PASSWORD).contentType(ContentType.JSON).header("X-Duban-OTP", Totp.code(secret, 1))
        .body("{\"name\":\"late\"}").post("/api/v1/me/tokens").then().statusCode(401);
    assertThat(Db.scalar("select count(*) from api_token where username = ?", admin)).isZero();
  }

  @Test
  void anAdministratorsTokenMadeWithoutASecondFactorDoesNotCount() throws Exception {
    String admin = Accounts.privileged("ADMIN");
    String token = "duban_" + (java.util.UUID.randomUUID().toString() + java.util.UUID.randomUUID()).replace("-", "").substring(0, 43);
    try (var c = Db.connect(); var st = c.prepareStatement("insert into api_token (username, name, token_hash, hint, created_at, expires_at, two_factor)"
        + " values (?, 'planted', ?, 'duban_AAAA', now(), now() + interval '1 day', false)")) {
      st.setString(1, admin);
      st.setString(2, SecretPolicy.sha256(token));
      st.executeUpdate();
    }
    Response r = Accounts.bearer(token).get("/api/v1/users");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.jsonPath().getString("detail")).contains("second factor");
  }

  @Test
  void aBootstrapAccountChangesItsPasswordAtFirstSignIn() {
    String name = "boot" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    identity.ensureUser(name, "Bootstrap-Pass-2026!", Role.ADMIN, null, true, false, Actor.system("test"));
    Response first = Pages.signIn(name, "Bootstrap-Pass-2026!", null);
    assertThat(first.header("Location")).endsWith("/staff/password");
    String session = first.getCookie("duban-session");
    assertThat(Pages.page(session).get("/staff/account").statusCode()).isEqualTo(303);
    given().auth().preemptive().basic(name, "Bootstrap-Pass-2026!").get("/api/v1/units").then().statusCode(403)
        .body("detail", org.hamcrest.Matchers.containsString("password"));
  }
}

package org.duban;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/** Lockout after consecutive failures, the same answer for every failure, and a per-address throttle. */
@QuarkusTest
@TestProfile(LoginGuardTest.Guarded.class)
class LoginGuardTest {

  public static class Guarded implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("tracker.login.max-failures", "5", "tracker.login.lock-minutes", "15",
          "tracker.login.max-failures-per-address", "30", "tracker.trusted-proxies", "127.0.0.1,::1");
    }
  }

  static String newUser() {
    String name = "lock" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    as("admin").body("{\"username\":\"" + name + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"LEADER\"}").post("/api/v1/users").then().statusCode(201);
    return name;
  }

  static Response basic(String user, String password, String from) {
    return given().auth().preemptive().basic(user, password).header("X-Forwarded-For", from).get("/api/v1/dashboard");
  }

  static void awaitLocked(String user) {
    await("locked in time").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> Db.scalar("select count(*) from app_user where username = ? and locked_until > now()", user) > 0);
  }

  @Test
  void fiveFailuresInARowLockTheAccountAndALockedAccountLooksLikeAWrongPassword() throws Exception {
    String user = newUser();
    basic(user, Api.PASSWORD, "198.51.100.1").then().statusCode(200);
    for (int i = 0; i < 4; i++) {
      basic(user, "wrong-" + i, "198.51.100.1").then().statusCode(401);
    }
    // failures are counted asynchronously: the four are on the account before the success resets them
    await("four failures counted").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> Db.scalar("select failed_logins from app_user where username = ?", user) == 4);
    basic(user, Api.PASSWORD, "198.51.100.1").then().statusCode(200); // 4 then a success: the count starts again
    for (int i = 0; i < 5; i++) {
      basic(user, "wrong-" + i, "198.51.100.1").then().statusCode(401);
    }
    awaitLocked(user);
    Response locked = basic(user, Api.PASSWORD, "198.51.100.1");
    Response wrong = basic(user, "wrong-again", "198.51.100.1");
    Response unknown = basic("no-such-user-" + user, "whatever", "198.51.100.1");
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(locked.asString()).isEqualTo(wrong.asString()).isEqualTo(unknown.asString());
    assertThat(locked.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
    // the form says the same for a locked account as for a wrong password
    Response form = given().redirects().follow(false).contentType(ContentType.URLENC).header("X-Forwarded-For", "198.51.100.1")
        .formParam("j_username", user).formParam("j_password", Api.PASSWORD).post("/j_security_check");
    assertThat(form.statusCode()).isEqualTo(302);
    assertThat(form.header("Location")).endsWith("/login?error=1");
    // the lock is in the audit trail
    assertThat(Db.scalar("select count(*) from audit_event where actor = ? and action = 'LOCKED'", user)).isEqualTo(1);
    // when the lock has run out, the right password works again
    try (var c = Db.connect(); var st = c.prepareStatement("update app_user set locked_until = now() - interval '1 second' where username = ?")) {
      st.setString(1, user);
      st.executeUpdate();
    }
    basic(user, Api.PASSWORD, "198.51.100.1").then().statusCode(200);
  }

  @Test
  void behindATlsProxyTheSessionCookieIsSecure() {
    Response tls = given().redirects().follow(false).contentType(ContentType.URLENC).header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-For", "198.51.100.50").formParam("j_username", "office").formParam("j_password", Api.PASSWORD).post("/j_security_check");
    assertThat(tls.statusCode()).isEqualTo(302);
    assertThat(tls.header("Set-Cookie")).contains("duban-session=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
    // a later request over TLS never re-sends the session cookie without HttpOnly
    Response next = given().redirects().follow(false).header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.50")
        .cookie("duban-session", tls.getCookie("duban-session")).cookie("duban-lang", "en").get("/staff/dashboard");
    assertThat(next.statusCode()).isEqualTo(200);
    for (String c : next.headers().getValues("Set-Cookie")) {
      if (c.startsWith("duban-session=")) {
        assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure");
      }
    }
    Response plain = given().redirects().follow(false).contentType(ContentType.URLENC)
        .header("X-Forwarded-For", "198.51.100.51").formParam("j_username", "office").formParam("j_password", Api.PASSWORD).post("/j_security_check");
    assertThat(plain.header("Set-Cookie")).doesNotContainIgnoringCase("secure");
  }

  @Test
  void anAddressWithTooManyFailuresIsRefusedEvenWithARightPassword() throws Exception {
    for (int i = 0; i < 30; i++) {
      basic("spray" + i, "guess", "203.0.113.99").then().statusCode(401);
    }
    // counted at once, and refused before any password is read: 429, with when to try again
    basic("office", Api.PASSWORD, "203.0.113.99").then().statusCode(429).header("Retry-After", "600");
    basic("office", Api.PASSWORD, "203.0.113.100").then().statusCode(200);
  }
}

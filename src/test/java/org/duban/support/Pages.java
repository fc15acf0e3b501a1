package org.duban.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing in through the login form, and requests as a browser with that session sends them. */
public final class Pages {
  /** As a browser does: UTF-8 both ways, also for form posts. */
  static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
      .decoderConfig(DecoderConfig.decoderConfig().defaultContentCharset("UTF-8"))
      .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private Pages() {}

  /** Posts the login form; answers the raw response (302 to the landing page, or back to the form). */
  public static Response signIn(String user, String password, String code) {
    var r = given().config(UTF8).redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("j_username", user).formParam("j_password", password);
    if (code != null) {
      r = r.formParam("code", code);
    }
    return r.post("/j_security_check");
  }

  /** Signs in and returns the session cookie (fails the test when the form refuses). */
  public static String session(String user, String password, String code) {
    Response r = signIn(user, password, code);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.header("Location")).doesNotContain("/login");
    String cookie = r.getCookie("duban-session");
    assertThat(cookie).isNotBlank();
    return cookie;
  }

  public static String session(String user) {
    return session(user, Api.PASSWORD, null);
  }

  public static RequestSpecification page(String session) {
    return given().config(UTF8).redirects().follow(false).cookie("duban-session", session);
  }

  /** The anti-CSRF token on a page of this session. */
  public static String csrf(String session, String path) {
    var r = page(session).get(path);
    Matcher m = CSRF.matcher(r.then().extract().asString());
    assertThat(m.find()).as("a csrf field on " + path + " (" + r.statusCode() + " " + r.header("Location") + ")").isTrue();
    return m.group(1);
  }

  /** A form post as the browser sends it: with the session cookie and the page's token. */
  public static RequestSpecification form(String session, String pageWithToken) {
    return page(session).contentType(ContentType.URLENC).formParam("csrf", csrf(session, pageWithToken));
  }
}

package org.duban.support;

import static io.restassured.RestAssured.given;
import static org.duban.support.Api.as;

import io.restassured.http.ContentType;

/** Fresh accounts for a test, and their API tokens. */
public final class Accounts {
  private Accounts() {}

  /** A new account of a business role (made by the system administrator), password {@link Api#PASSWORD}. */
  public static String business(String role) {
    return create("admin", role, null);
  }

  /** A new ADMIN or AUDITOR account (made by the security administrator). */
  public static String privileged(String role) {
    return create("security", role, null);
  }

  public static String reporter(String unit) {
    return create("admin", "REPORTER", unit);
  }

  static String create(String by, String role, String unit) {
    String name = role.toLowerCase() + "-" + Long.toString(System.nanoTime() % 10_000_000_000L, 36);
    as(by).body("{\"username\":\"" + name + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"" + role + "\""
        + (unit == null ? "" : ",\"unit\":\"" + unit + "\"") + "}").post("/api/v1/users").then().statusCode(201);
    return name;
  }

  /** A personal token made with HTTP Basic (for an account that needs no second factor). */
  public static String token(String user) {
    return given().auth().preemptive().basic(user, Api.PASSWORD).contentType(ContentType.JSON)
        .body("{\"name\":\"test\"}").post("/api/v1/me/tokens").then().statusCode(201).extract().path("token");
  }

  public static io.restassured.specification.RequestSpecification bearer(String token) {
    return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/** The administrator manages units and accounts; a new reporter acts for its unit at once. */
@QuarkusTest
class AdministrationTest {

  @Test
  void aNewUnitAndItsReporterCanReportOnItsMeasures() {
    String unit = "u" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    as("admin")
        .body("{\"code\":\"" + unit + "\",\"name\":\"济南市委政法委\",\"email\":\"duban@" + unit + ".example.gov.cn\"}")
        .post("/api/v1/units")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/units/" + unit))
        .body("email", equalTo("duban@" + unit + ".example.gov.cn"));
    as("admin").body("{\"code\":\"" + unit + "\",\"name\":\"x\"}").post("/api/v1/units").then().statusCode(409);
    as("admin").body("{\"code\":\"x1\",\"name\":\"x\",\"email\":\"not-an-address\"}").post("/api/v1/units").then().statusCode(400);
    as("office").body("{\"code\":\"x2\",\"name\":\"x\"}").post("/api/v1/units").then().statusCode(403);

    String user = "reporter-" + unit;
    as("admin")
        .body("{\"username\":\"" + user + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"REPORTER\",\"unit\":\"" + unit + "\"}")
        .post("/api/v1/users")
        .then()
        .statusCode(201)
        .body("unit", equalTo(unit))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
    as("admin").body("{\"username\":\"lonely-reporter\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"REPORTER\"}").post("/api/v1/users").then().statusCode(400);
    as("admin").body("{\"username\":\"office2\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"OFFICE\",\"unit\":\"fy\"}").post("/api/v1/users").then().statusCode(400);
    as("admin").body("{\"username\":\"" + user + "\",\"password\":\"" + Api.PASSWORD + "\",\"role\":\"LEADER\"}").post("/api/v1/users").then().statusCode(409);

    String code = Api.createMeasure(unit);
    as(user).body("{\"progress\":30,\"publicSummary\":\"已启动\"}").post("/api/v1/measures/" + code + "/reports").then().statusCode(201).body("unit", equalTo(unit));

    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'UNIT' and entity_key = ?", unit)).isPositive();
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'USER' and entity_key = ? and actor = 'admin'", user)).isPositive();
    // the hash is bcrypt, never the password
    assertThat(Db.scalar("select count(*) from app_user where username = ? and password_hash like '$2%'", user)).isEqualTo(1);
  }

  @Test
  void theJournalRefusesUpdateAndDeleteInTheDatabaseItself() throws Exception {
    try (var c = Db.connect(); var s = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("update journal_entry set actor = 'x'"))
          .hasMessageContaining("append-only");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("delete from journal_entry"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void nobodyButAdminReadsAccounts() {
    for (String user : new String[] {"office", "leader", "auditor", "reporter-fy"}) {
      as(user).get("/api/v1/users").then().statusCode(403);
      as(user).get("/api/v1/units").then().statusCode(403);
    }
    RestAssured.given().get("/api/v1/users").then().statusCode(401);
  }
}

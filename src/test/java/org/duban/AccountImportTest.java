package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.junit.jupiter.api.Test;

/** Units and accounts from CSV: a dry run, all rows or none, row errors naming row and column. */
@QuarkusTest
class AccountImportTest {

  static String fresh(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  @Test
  void unitsComeFromCsvAllOrNoneWithADryRunFirst() {
    String a = fresh("ia");
    String b = fresh("ib");
    String csv = "\ufeffcode,name,email\r\n" + a + ",导入单位甲,duban@" + a + ".example.cn\r\n" + b + ",导入单位乙,\r\n";
    Map<String, Object> before = Db.snapshot();
    as("admin").contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", "true").post("/api/v1/units/import").then().statusCode(200)
        .body("rows", org.hamcrest.Matchers.is(2)).body("dryRun", org.hamcrest.Matchers.is(true));
    assertThat(Db.snapshot()).isEqualTo(before);
    as("admin").get("/api/v1/units/" + a).then().statusCode(404);
    // a bad row: every problem named by row and column, nothing written
    String bad = "code,name,email\r\n" + fresh("ic") + ",好单位,\r\n1bad,,not-an-address\r\nfy,重复,\r\n";
    JsonPath refused = as("admin").contentType("text/csv; charset=UTF-8").body(bad).post("/api/v1/units/import").then().statusCode(400)
        .contentType("application/problem+json").extract().jsonPath();
    assertThat(refused.getList("errors.row", Integer.class)).contains(3, 4).doesNotContain(2);
    assertThat(refused.getList("errors.column", String.class)).contains("code", "name", "email");
    assertThat(Db.snapshot()).isEqualTo(before);
    as("admin").contentType("text/csv; charset=UTF-8").body("code,name,colour\r\nx,y,z\r\n").post("/api/v1/units/import").then().statusCode(400);
    // for real
    as("admin").contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/units/import").then().statusCode(200).body("created", org.hamcrest.Matchers.is(2));
    as("admin").get("/api/v1/units/" + a).then().statusCode(200).body("email", org.hamcrest.Matchers.is("duban@" + a + ".example.cn"));
    // its name and its region (the province, by default)
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'UNIT' and entity_key = ?", b)).isEqualTo(2);
    as("office").contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/units/import").then().statusCode(403);
  }

  @Test
  void accountsComeFromCsvAndMustChangeTheirPasswordAtFirstSignIn() {
    String leader = fresh("ilead");
    String reporter = fresh("irep");
    String csv = "username,password,role,unit\r\n" + leader + ",Imported-Pass-2026,LEADER,\r\n" + reporter + ",Imported-Pass-2026,reporter,fy\r\n";
    Map<String, Object> before = Db.snapshot();
    long users = Db.scalar("select count(*) from app_user");
    as("admin").contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", "true").post("/api/v1/users/import").then().statusCode(200)
        .body("rows", org.hamcrest.Matchers.is(2));
    assertThat(Db.scalar("select count(*) from app_user")).isEqualTo(users);
    // the system administrator may not import privileged accounts; weak passwords and unknown units are named
    String bad = "username,password,role,unit\r\n" + fresh("iadm") + ",Imported-Pass-2026,ADMIN,\r\n" + fresh("iw") + ",short,LEADER,\r\n"
        + fresh("iu") + ",Imported-Pass-2026,REPORTER,nosuchunit\r\n";
    JsonPath refused = as("admin").contentType("text/csv; charset=UTF-8").body(bad).post("/api/v1/users/import").then().statusCode(400).extract().jsonPath();
    assertThat(refused.getList("errors.row", Integer.class)).contains(2, 3, 4);
    assertThat(refused.getList("errors.column", String.class)).contains("role", "password", "unit");
    assertThat(Db.snapshot()).isEqualTo(before);
    assertThat(Db.scalar("select count(*) from app_user")).isEqualTo(users);
    as("admin").contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/users/import").then().statusCode(200).body("created", org.hamcrest.Matchers.is(2));
    as("admin").get("/api/v1/users/" + reporter).then().statusCode(200).body("unit", org.hamcrest.Matchers.is("fy"))
        .body("mustChangePassword", org.hamcrest.Matchers.is(true));
    // first sign-in: to the password change
    assertThat(Pages.signIn(leader, "Imported-Pass-2026", null).header("Location")).endsWith("/staff/password");
  }
}

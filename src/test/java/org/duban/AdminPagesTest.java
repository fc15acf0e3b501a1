package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.junit.jupiter.api.Test;

/** The administrators' pages: units (ADMIN) and accounts (ADMIN, SECURITY), each only what the API lets the role do. */
@QuarkusTest
class AdminPagesTest {

  static final Pattern USER_ROW = Pattern.compile("<tr data-user=\"([^\"]+)\" data-role=\"([A-Z]+)\">");

  static String fresh(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  /** The accounts listed on a page, user name → role. */
  static Map<String, String> users(String html) {
    Matcher m = USER_ROW.matcher(html);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }

  static long journal(String entity, String key, String field) {
    return Db.scalar("select count(*) from journal_entry where entity = ? and entity_key = ? and field = ?", entity, key, field);
  }

  @Test
  void theSystemAdministratorPatchesAUnitsNameAndContactAddressJournaled() {
    String code = fresh("p");
    as("admin").body("{\"code\":\"" + code + "\",\"name\":\"旧名称\"}").post("/api/v1/units").then().statusCode(201);
    as("admin").body("{\"email\":\"duban@" + code + ".example.gov.cn\"}").patch("/api/v1/units/" + code).then().statusCode(200)
        .body("name", org.hamcrest.Matchers.is("旧名称")).body("email", org.hamcrest.Matchers.is("duban@" + code + ".example.gov.cn"));
    as("admin").body("{\"name\":\"新名称\"}").patch("/api/v1/units/" + code).then().statusCode(200).body("name", org.hamcrest.Matchers.is("新名称"));
    assertThat(Db.text("select old_value || '>' || new_value from journal_entry where entity = 'UNIT' and entity_key = ? and field = 'name'"
        + " and action = 'UPDATE'", code)).isEqualTo("旧名称>新名称");
    assertThat(journal("UNIT", code, "email")).isEqualTo(1); // created without one (nothing to journal), then set
    // an empty email removes it; bad input changes nothing
    as("admin").body("{\"email\":\"\"}").patch("/api/v1/units/" + code).then().statusCode(200).body("email", org.hamcrest.Matchers.nullValue());
    Map<String, Object> before = Db.snapshot();
    long entries = Db.scalar("select count(*) from journal_entry where entity_key = ?", code);
    as("admin").body("{}").patch("/api/v1/units/" + code).then().statusCode(400).contentType("application/problem+json");
    // a blank name (also across lines) is no name
    as("admin").body("{\"name\":\" \\n \"}").patch("/api/v1/units/" + code).then().statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.is("name"));
    as("admin").body("{\"email\":\"not an address\"}").patch("/api/v1/units/" + code).then().statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.is("email"));
    as("admin").body("{\"name\":\"  \"}").patch("/api/v1/units/" + code).then().statusCode(400);
    as("admin").body("{\"name\":\"x\",\"code\":\"other\"}").patch("/api/v1/units/" + code).then().statusCode(400);
    as("admin").body("{\"name\":\"x\"}").patch("/api/v1/units/nosuchunit").then().statusCode(404);
    as("office").body("{\"name\":\"x\"}").patch("/api/v1/units/" + code).then().statusCode(403);
    assertThat(Db.snapshot()).isEqualTo(before);
    assertThat(Db.scalar("select count(*) from journal_entry where entity_key = ?", code)).isEqualTo(entries);
  }

  @Test
  void theUnitsPageListsCreatesAndEditsForTheSystemAdministratorOnly() {
    String admin = Pages.session("admin");
    String html = Pages.page(admin).get("/staff/units").then().statusCode(200).extract().asString();
    assertThat(html).contains("<tr data-unit=\"fy\">", "省法院", "action=\"/staff/units\"", "action=\"/staff/units/fy\"",
        "<label for=\"new-email\">", "href=\"/staff/units\" aria-current=\"page\"");
    for (String user : List.of("office", "leader", "security", "auditor", "reporter-fy")) {
      assertThat(Pages.page(Pages.session(user)).get("/staff/units").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(Pages.page(admin).get("/staff/units?lang=en").then().statusCode(200).extract().asString()).contains("New unit", "Contact email");
    assertThat(Pages.page(admin).get("/staff/users?lang=en").then().statusCode(200).extract().asString()).contains("New account", "Reset password");
    String code = fresh("w");
    Pages.form(admin, "/staff/units").formParam("code", code).formParam("name", "网页单位").formParam("email", "a@" + code + ".example.cn")
        .post("/staff/units").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/staff/units?done=created"));
    as("admin").get("/api/v1/units/" + code).then().statusCode(200).body("email", org.hamcrest.Matchers.is("a@" + code + ".example.cn"));
    Pages.form(admin, "/staff/units").formParam("name", "网页单位二").formParam("email", "b@" + code + ".example.cn")
        .post("/staff/units/" + code).then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/staff/units?done=updated"));
    as("admin").get("/api/v1/units/" + code).then().body("name", org.hamcrest.Matchers.is("网页单位二"))
        .body("email", org.hamcrest.Matchers.is("b@" + code + ".example.cn"));
    // created: name, email, region; changed: name, email
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'UNIT' and entity_key = ? and actor = 'admin'", code)).isEqualTo(5);
    // refusals: the page again, with the reason and the status, and nothing written
    Map<String, Object> before = Db.snapshot();
    String taken = Pages.form(admin, "/staff/units").formParam("code", code).formParam("name", "重复").post("/staff/units")
        .then().statusCode(409).contentType("text/html").extract().asString();
    assertThat(taken).contains("id=\"error\"", code);
    assertThat(Pages.form(admin, "/staff/units").formParam("name", "x").formParam("email", "no address").post("/staff/units/" + code)
        .then().statusCode(400).extract().asString()).contains("id=\"error\"", "email");
    Pages.page(admin).contentType(io.restassured.http.ContentType.URLENC).formParam("csrf", "forged").formParam("name", "x")
        .post("/staff/units/" + code).then().statusCode(403);
    Pages.form(Pages.session("office"), "/staff/measures").formParam("name", "x").post("/staff/units/" + code).then().statusCode(403);
    assertThat(Db.snapshot()).isEqualTo(before);
    as("admin").get("/api/v1/units/" + code).then().body("name", org.hamcrest.Matchers.is("网页单位二"));
  }

  @Test
  void eachAdministratorSeesAndActsOnOnlyTheAccountsItKeeps() {
    String auditor = Accounts.privileged("AUDITOR");
    String leader = Accounts.business("LEADER");
    String admin = Pages.session("admin");
    String security = Pages.session("security");
    // the lists: ADMIN the business accounts; SECURITY the privileged ones and every account it may lock
    String adminHtml = Pages.page(admin).get("/staff/users?page=0").then().statusCode(200).extract().asString();
    Map<String, String> adminList = users(adminHtml);
    assertThat(adminList).isNotEmpty();
    assertThat(adminList.values()).allSatisfy(role -> assertThat(role).isIn("OFFICE", "LEADER", "REPORTER"));
    assertThat(adminList.keySet()).allSatisfy(u -> assertThat(adminHtml).contains("action=\"/staff/users/" + u + "/password\""));
    assertThat(adminHtml).doesNotContain("/lock\"", "/unlock\"");
    String secHtml = Pages.page(security).get("/staff/users").then().statusCode(200).extract().asString();
    Map<String, String> secList = users(secHtml);
    assertThat(secList).containsEntry("admin", "ADMIN").doesNotContainValue("SECURITY");
    secList.forEach((u, role) -> {
      assertThat(secHtml.contains("action=\"/staff/users/" + u + "/password\"")).as(u).isEqualTo(role.equals("ADMIN") || role.equals("AUDITOR"));
      assertThat(secHtml.contains("action=\"/staff/users/" + u + "/lock\"") || secHtml.contains("action=\"/staff/users/" + u + "/unlock\""))
          .as(u).isTrue();
    });
    for (String user : List.of("office", "leader", "auditor", "reporter-fy")) {
      assertThat(Pages.page(Pages.session(user)).get("/staff/users").statusCode()).as(user).isEqualTo(403);
    }
    // create (ADMIN: a reporter of a unit), journaled; a privileged kind is refused on the page as on the API
    String reporter = fresh("rep");
    Pages.form(admin, "/staff/users").formParam("username", reporter).formParam("password", "Web-Created-Pass-26").formParam("role", "REPORTER")
        .formParam("unit", "fy").post("/staff/users").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("?done=created"));
    as("admin").get("/api/v1/users/" + reporter).then().statusCode(200).body("unit", org.hamcrest.Matchers.is("fy"));
    assertThat(journal("USER", reporter, "role")).isEqualTo(1);
    Map<String, Object> before = Db.snapshot();
    long users = Db.scalar("select count(*) from app_user");
    assertThat(Pages.form(admin, "/staff/users").formParam("username", fresh("adm")).formParam("password", "Web-Created-Pass-26")
        .formParam("role", "ADMIN").post("/staff/users").then().statusCode(403).contentType("text/html").extract().asString())
        .contains("id=\"error\"");
    assertThat(Pages.form(admin, "/staff/users").formParam("username", fresh("weak")).formParam("password", "short").formParam("role", "LEADER")
        .post("/staff/users").then().statusCode(400).extract().asString()).contains("id=\"error\"", "password");
    Pages.form(admin, "/staff/users").formParam("reason", "x").post("/staff/users/" + leader + "/lock").then().statusCode(403);
    Pages.form(admin, "/staff/users").formParam("newPassword", "Reset-By-Admin-2026").post("/staff/users/" + auditor + "/password")
        .then().statusCode(403);
    assertThat(Db.snapshot()).isEqualTo(before);
    assertThat(Db.scalar("select count(*) from app_user")).isEqualTo(users);
    // reset (ADMIN, a business account): must change at next sign-in
    Pages.form(admin, "/staff/users").formParam("newPassword", "Reset-By-Admin-2026").post("/staff/users/" + leader + "/password")
        .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("?done=reset"));
    as("admin").get("/api/v1/users/" + leader).then().body("mustChangePassword", org.hamcrest.Matchers.is(true));
    // lock and unlock (SECURITY), journaled; the lock needs a reason
    Pages.form(security, "/staff/users").formParam("reason", " ").post("/staff/users/" + leader + "/lock").then().statusCode(400);
    Pages.form(security, "/staff/users").formParam("reason", "调离岗位").post("/staff/users/" + leader + "/lock")
        .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("?done=locked"));
    as("security").get("/api/v1/users/" + leader).then().body("locked", org.hamcrest.Matchers.is(true));
    assertThat(Pages.page(security).get("/staff/users?done=locked").then().statusCode(200).extract().asString()).contains("id=\"done\"");
    Pages.form(security, "/staff/users").post("/staff/users/" + leader + "/unlock").then().statusCode(303);
    as("security").get("/api/v1/users/" + leader).then().body("locked", org.hamcrest.Matchers.is(false));
    assertThat(journal("USER", leader, "locked")).isEqualTo(2);
    // reset of a privileged account (SECURITY)
    Pages.form(security, "/staff/users").formParam("newPassword", "Reset-By-Security-26").post("/staff/users/" + auditor + "/password")
        .then().statusCode(303);
    // clearing a second factor the account does not have changes nothing but is allowed; unknown accounts are 404
    Pages.form(admin, "/staff/users").post("/staff/users/nosuchuser/totp/clear").then().statusCode(404);
  }

  @Test
  void unitsAndAccountsAreImportedFromThePagesWithADryRunFirst() {
    String admin = Pages.session("admin");
    String unit = fresh("pi");
    String csv = "code,name,email\n" + unit + ",页面导入单位,\n";
    Map<String, Object> before = Db.snapshot();
    String dry = Pages.form(admin, "/staff/units").formParam("csv", csv).formParam("dryRun", "true").post("/staff/units/import")
        .then().statusCode(200).extract().asString();
    assertThat(dry).contains("id=\"dry-run\"", unit);
    assertThat(Db.snapshot()).isEqualTo(before);
    String bad = Pages.form(admin, "/staff/units").formParam("csv", "code,name,email\n1bad,,\n").post("/staff/units/import")
        .then().statusCode(400).extract().asString();
    assertThat(bad).contains("id=\"error\"", "#2");
    assertThat(Db.snapshot()).isEqualTo(before);
    Pages.form(admin, "/staff/units").formParam("csv", csv).post("/staff/units/import").then().statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/staff/units?done=imported"));
    as("admin").get("/api/v1/units/" + unit).then().statusCode(200);
    String user = fresh("pu");
    Pages.form(admin, "/staff/users").formParam("csv", "username,password,role,unit\n" + user + ",Page-Imported-2026,REPORTER," + unit + "\n")
        .post("/staff/users/import").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/staff/users?done=imported"));
    as("admin").get("/api/v1/users/" + user).then().statusCode(200).body("mustChangePassword", org.hamcrest.Matchers.is(true));
    Pages.form(Pages.session("security"), "/staff/users").formParam("csv", "username,password,role,unit\n" + fresh("px") + ",Page-Imported-2026,LEADER,\n")
        .post("/staff/users/import").then().statusCode(400);
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The regions page (ADMIN) and the region and line of units and accounts on the administrator's pages. */
@QuarkusTest
class RegionPagesTest {

  static String regionTable() {
    return RegionTest.regionTable();
  }

  @Test
  void theSystemAdministratorSeesTheTreeAndImportsCountiesWithADryRunFirst() {
    String admin = Pages.session("admin");
    String html = Pages.page(admin).get("/staff/regions").then().statusCode(200).extract().asString();
    assertThat(html).contains("<tr data-region=\"370000\" data-level=\"1\">", "<tr data-region=\"370100\" data-level=\"2\">", "济南市", "菏泽市",
        "action=\"/staff/regions/import\"", "<label for=\"import-csv\">", "href=\"/staff/regions\" aria-current=\"page\"", "name=\"csrf\"");
    assertThat(html).doesNotContain("data-region=\"371200\"");
    assertThat(Pages.page(admin).get("/staff/regions?lang=en").then().statusCode(200).extract().asString()).contains("Region code", "City");
    for (String user : List.of("office", "leader", "reporter-fy", "security", "auditor")) {
      assertThat(Pages.page(Pages.session(user)).get("/staff/regions").statusCode()).as(user).isEqualTo(403);
    }
    String csv = "code,name,parent\n370181,章丘区,370100\n";
    String before = regionTable();
    Map<String, Object> snapshot = Db.snapshot();
    String dry = Pages.form(admin, "/staff/regions").formParam("csv", csv).formParam("dryRun", "true").post("/staff/regions/import")
        .then().statusCode(200).extract().asString();
    assertThat(dry).contains("id=\"dry-run\"", "370181,章丘区");
    assertThat(regionTable()).isEqualTo(before);
    String bad = Pages.form(admin, "/staff/regions").formParam("csv", "code,name,parent\n3701811,七位,370100\n370182,县,379999\n")
        .post("/staff/regions/import").then().statusCode(400).extract().asString();
    assertThat(bad).contains("id=\"error\"", "#2", "#3", "六位行政区划代码");
    assertThat(regionTable()).isEqualTo(before);
    assertThat(Db.snapshot()).isEqualTo(snapshot);
    Pages.form(admin, "/staff/regions").formParam("csv", csv).post("/staff/regions/import").then().statusCode(303)
        .header("Location", Matchers.containsString("/staff/regions?created="));
    assertThat(Pages.page(admin).get("/staff/regions?created=1&updated=0&unchanged=0").then().statusCode(200).extract().asString())
        .contains("id=\"done\"", "<tr data-region=\"370181\" data-level=\"3\">", "章丘区");
    // a form from another role, or without the token, changes nothing
    Pages.form(Pages.session("office"), "/staff/measures").formParam("csv", "code,name,parent\n370189,越权,370100\n").post("/staff/regions/import")
        .then().statusCode(403);
    assertThat(Db.scalar("select count(*) from region where code = '370189'")).isZero();
  }

  @Test
  void unitsAndAccountsShowAndTakeTheirRegionOnThePages() {
    String admin = Pages.session("admin");
    String units = Pages.page(admin).get("/staff/units").then().statusCode(200).extract().asString();
    assertThat(units).contains("<label for=\"new-region\">", "<select id=\"new-region\" name=\"region\" required>", "<label for=\"new-parent\">",
        "<option value=\"370000\" selected>370000 山东省</option>", "\u3000370100 济南市", "<label for=\"region-fy\">", "<label for=\"parent-fy\">");
    String code = "pg" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Pages.form(admin, "/staff/units").formParam("code", code).formParam("name", "济南页面单位").formParam("region", "370100").formParam("parent", "fy")
        .post("/staff/units").then().statusCode(303).header("Location", Matchers.endsWith("/staff/units?done=created"));
    as("admin").get("/api/v1/units/" + code).then().statusCode(200).body("region.code", Matchers.is("370100")).body("parent", Matchers.is("fy"));
    Pages.form(admin, "/staff/units").formParam("name", "济南页面单位").formParam("email", "").formParam("region", "370200").formParam("parent", "")
        .post("/staff/units/" + code).then().statusCode(303);
    as("admin").get("/api/v1/units/" + code).then().body("region.code", Matchers.is("370200")).body("parent", Matchers.nullValue());
    String refused = Pages.form(admin, "/staff/units").formParam("name", "x").formParam("region", "371200").post("/staff/units/" + code)
        .then().statusCode(400).extract().asString();
    assertThat(refused).contains("id=\"error\"", "371200");
    assertThat(Pages.page(admin).get("/staff/units").then().extract().asString()).contains("<td data-region=\"370200\">370200 青岛市</td>");

    String users = Pages.page(admin).get("/staff/users").then().statusCode(200).extract().asString();
    assertThat(users).contains("<label for=\"new-region\">", "<option value=\"\">全省（不限）</option>", "\u3000370300 淄博市");
    String office = "office-pg" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Pages.form(admin, "/staff/users").formParam("username", office).formParam("password", "Region-Page-2026").formParam("role", "OFFICE")
        .formParam("unit", "").formParam("region", "370300").post("/staff/users").then().statusCode(303);
    as("admin").get("/api/v1/users/" + office).then().statusCode(200).body("region", Matchers.is("370300"));
    String bad = Pages.form(admin, "/staff/users").formParam("username", office + "x").formParam("password", "Region-Page-2026").formParam("role", "OFFICE")
        .formParam("unit", "").formParam("region", "371200").post("/staff/users").then().statusCode(400).extract().asString();
    assertThat(bad).contains("id=\"error\"");
    as("admin").get("/api/v1/users/" + office + "x").then().statusCode(404);
    // the security administrator keeps no business accounts: no region to choose
    assertThat(Pages.page(Pages.session("security")).get("/staff/users").then().statusCode(200).extract().asString()).doesNotContain("new-region");
  }
}

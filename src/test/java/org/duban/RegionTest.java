package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/**
 * The region tree (issue 14): the province and its 16 cities ship with the app, counties come by
 * CSV (all rows or none, a dry run first, a re-import changes nothing); units sit in a region and
 * in a line, accounts of the business may be limited to a region.
 */
@QuarkusTest
class RegionTest {

  static final List<String> CITIES = List.of("370100", "370200", "370300", "370400", "370500", "370600", "370700", "370800", "370900",
      "371000", "371100", "371300", "371400", "371500", "371600", "371700");

  /** The region table as it stands (to prove a refused or dry import wrote nothing). */
  static String regionTable() {
    return Db.text("select md5(string_agg(concat_ws('|', code, name, parent_code, path, level), ',' order by code)) from region");
  }

  static io.restassured.response.Response importCsv(String user, String csv, boolean dryRun) {
    var r = as(user).contentType("text/csv; charset=UTF-8").body(csv);
    return (dryRun ? r.queryParam("dryRun", "true") : r).post("/api/v1/regions/import");
  }

  static String fresh(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  @Test
  void everyStaffAccountReadsTheProvinceAndItsSixteenCities() {
    for (String user : List.of("office", "leader", "reporter-fy", "admin", "security", "auditor")) {
      JsonPath tree = as(user).get("/api/v1/regions").then().statusCode(200).extract().jsonPath();
      assertThat(tree.getList("code", String.class)).as(user).contains("370000");
    }
    JsonPath tree = as("office").get("/api/v1/regions").then().statusCode(200).extract().jsonPath();
    Map<String, Object> province = tree.getMap("find { it.code == '370000' }");
    assertThat(province).containsEntry("name", "山东省").containsEntry("level", 1).containsEntry("parent", null);
    List<String> cities = tree.getList("find { it.code == '370000' }.children.code", String.class);
    assertThat(cities).containsExactlyElementsOf(CITIES).doesNotContain("371200");
    assertThat(tree.getString("find { it.code == '370000' }.children.find { it.code == '370100' }.name")).isEqualTo("济南市");
    assertThat(tree.getString("find { it.code == '370000' }.children.find { it.code == '371700' }.name")).isEqualTo("菏泽市");
    assertThat(tree.getInt("find { it.code == '370000' }.children.find { it.code == '370100' }.level")).isEqualTo(2);
    // one region: its subtree and the codes above it
    as("leader").get("/api/v1/regions/370200").then().statusCode(200).body("name", is("青岛市")).body("parent", is("370000"))
        .body("ancestors", is(List.of("370000")));
    as("leader").get("/api/v1/regions/370000").then().statusCode(200).body("ancestors", is(List.of())).body("children.size()", is(16));
    as("leader").get("/api/v1/regions/371200").then().statusCode(404).contentType("application/problem+json");
    anonymous().get("/api/v1/regions").then().statusCode(401);
  }

  @Test
  void countiesComeByCsvUnderTheirCitiesWithADryRunFirstAndAReImportChangesNothing() {
    String csv = "\ufeffcode,name,parent\r\n370102,历下区,370100\r\n370103,市中区,370100\r\n370211,黄岛区,370200\r\n";
    String before = regionTable();
    long journal = Db.scalar("select count(*) from journal_entry");
    importCsv("admin", csv, true).then().statusCode(200).body("rows", is(3)).body("dryRun", is(true));
    assertThat(regionTable()).isEqualTo(before);
    assertThat(Db.scalar("select count(*) from journal_entry")).isEqualTo(journal);

    JsonPath done = importCsv("admin", csv, false).then().statusCode(200).extract().jsonPath();
    assertThat(done.getInt("rows")).isEqualTo(3);
    assertThat(done.getInt("created") + done.getInt("unchanged")).isEqualTo(3);
    assertThat(done.getBoolean("dryRun")).isFalse();
    JsonPath tree = as("office").get("/api/v1/regions").then().statusCode(200).extract().jsonPath();
    assertThat(tree.getList("find { it.code == '370000' }.children.find { it.code == '370100' }.children.code", String.class))
        .contains("370102", "370103");
    assertThat(tree.getString("find { it.code == '370000' }.children.find { it.code == '370100' }.children.find { it.code == '370102' }.name"))
        .isEqualTo("历下区");
    as("office").get("/api/v1/regions/370102").then().statusCode(200).body("level", is(3)).body("parent", is("370100"))
        .body("ancestors", is(List.of("370000", "370100"))).body("children", is(List.of()));
    assertThat(Db.text("select path from region where code = '370211'")).isEqualTo("370000/370200/370211");
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'REGION' and entity_key = '370102'")).isPositive();

    // again: nothing changes, nothing is journaled
    long journaled = Db.scalar("select count(*) from journal_entry where entity = 'REGION'");
    importCsv("admin", csv, false).then().statusCode(200).body("created", is(0)).body("updated", is(0)).body("unchanged", is(3));
    assertThat(Db.scalar("select count(*) from journal_entry where entity = 'REGION'")).isEqualTo(journaled);

    // a new name is an update, journaled with both names; a GBK file (as WPS and Excel save it) reads the same
    byte[] gbk = "code,name,parent\r\n370104,槐荫区,370100\r\n370103,市中区（新）,370100\r\n".getBytes(Charset.forName("GBK"));
    as("admin").contentType("text/csv").body(gbk).post("/api/v1/regions/import").then().statusCode(200)
        .body("updated", is(1));
    assertThat(Db.text("select name from region where code = '370104'")).isEqualTo("槐荫区");
    assertThat(Db.text("select new_value from journal_entry where entity = 'REGION' and entity_key = '370103' and field = 'name'"
        + " order by id desc limit 1")).isEqualTo("市中区（新）");
    importCsv("admin", "code,name,parent\n370103,市中区,370100\n", false).then().statusCode(200).body("updated", is(1));
  }

  @Test
  void aMovedCityCarriesItsCountiesAndTheLevelsStayAtThree() {
    importCsv("admin", "code,name,parent\n371502,东昌府区,371500\n", false).then().statusCode(200);
    String before = regionTable();
    // 聊城市 under 济南市 would put 东昌府区 at level 4
    JsonPath refused = importCsv("admin", "code,name,parent\n371500,聊城市,370100\n", false).then().statusCode(400).extract().jsonPath();
    assertThat(refused.getList("errors.row", Integer.class)).containsOnly(2);
    assertThat(refused.getList("errors.message", String.class)).anyMatch(m -> m.contains("371502") && m.contains("level 4"));
    assertThat(regionTable()).isEqualTo(before);
    // a county moved to another city takes its new path
    String county = "3715" + (10 + (int) (System.nanoTime() % 80));
    importCsv("admin", "code,name,parent\n" + county + ",临时区,371500\n", false).then().statusCode(200);
    importCsv("admin", "code,name,parent\n" + county + ",临时区,371600\n", false).then().statusCode(200).body("updated", is(1));
    assertThat(Db.text("select path from region where code = ?", county)).isEqualTo("370000/371600/" + county);
    assertThat(Db.text("select old_value from journal_entry where entity = 'REGION' and entity_key = ? and field = 'parent'"
        + " order by id desc limit 1", county)).isEqualTo("371500");
  }

  @Test
  void aBadFileIsRefusedRowByRowAndNothingIsWritten() {
    String before = regionTable();
    Map<String, Object> snapshot = Db.snapshot();
    String bad = "code,name,parent\n"
        + "370181,章丘区,379900\n" // 2: unknown parent
        + "3701811,七位数,370100\n" // 3: seven digits
        + "370182,县级,370100\n" // 4: fine alone
        + "370183,第四级,370182\n" // 5: depth 4 (under a county of this file)
        + "370182,重复,370100\n" // 6: the code again
        + "370184,甲,370185\n" // 7: a circle
        + "370185,乙,370184\n" // 8: the same circle
        + "370186,,370100\n"; // 9: no name
    JsonPath refused = importCsv("admin", bad, false).then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
    List<Integer> rows = refused.getList("errors.row", Integer.class);
    assertThat(rows).contains(2, 3, 5, 6, 7, 8, 9).doesNotContain(4);
    assertThat(refused.getList("errors.column", String.class)).contains("code", "name", "parent");
    assertThat(refused.getList("errors.field", String.class)).isNotEmpty();
    assertThat(regionTable()).isEqualTo(before);
    assertThat(Db.snapshot()).isEqualTo(snapshot);
    // the same in a dry run; a file with the wrong headings; an empty file
    importCsv("admin", bad, true).then().statusCode(400);
    importCsv("admin", "code,name\n370187,x\n", false).then().statusCode(400);
    importCsv("admin", "", false).then().statusCode(400);
    // the province stays at the top
    importCsv("admin", "code,name,parent\n370000,山东省,370100\n", false).then().statusCode(400);
    assertThat(regionTable()).isEqualTo(before);
    // in Chinese when asked
    as("admin").header("Accept-Language", "zh-CN").contentType("text/csv; charset=UTF-8").body("code,name,parent\n3701811,七位数,370100\n")
        .post("/api/v1/regions/import").then().statusCode(400).body("errors[0].message", is("必须是六位行政区划代码（GB/T 2260）"));
  }

  @Test
  void onlyTheSystemAdministratorImportsRegions() {
    String before = regionTable();
    for (String user : List.of("office", "leader", "reporter-fy", "security", "auditor")) {
      importCsv(user, "code,name,parent\n370188,越权区,370100\n", false).then().statusCode(403);
    }
    anonymous().contentType("text/csv").body("code,name,parent\n370188,越权区,370100\n").post("/api/v1/regions/import").then().statusCode(401);
    assertThat(regionTable()).isEqualTo(before);
  }

  @Test
  void aUnitSitsInARegionAndMayNameTheUnitAboveItInItsLine() {
    String city = fresh("jn");
    as("admin").body("{\"code\":\"" + city + "\",\"name\":\"济南市中级人民法院\",\"region\":\"370100\",\"parent\":\"fy\"}").post("/api/v1/units")
        .then().statusCode(201).body("region.code", is("370100")).body("region.name", is("济南市")).body("parent", is("fy"));
    String plain = fresh("pr");
    as("admin").body("{\"code\":\"" + plain + "\",\"name\":\"省直单位\"}").post("/api/v1/units").then().statusCode(201)
        .body("region.code", is("370000")).body("region.name", is("山东省")).body("parent", nullValue());
    as("admin").get("/api/v1/units").then().statusCode(200);
    // refused: an unknown region or parent, a code that is not a region code; nothing written
    long units = Db.scalar("select count(*) from unit");
    as("admin").body("{\"code\":\"" + fresh("x") + "\",\"name\":\"x\",\"region\":\"371200\"}").post("/api/v1/units").then().statusCode(400)
        .body("errors[0].field", is("region"));
    as("admin").body("{\"code\":\"" + fresh("x") + "\",\"name\":\"x\",\"region\":\"3701\"}").post("/api/v1/units").then().statusCode(400);
    as("admin").body("{\"code\":\"" + fresh("x") + "\",\"name\":\"x\",\"parent\":\"nosuchunit\"}").post("/api/v1/units").then().statusCode(400)
        .body("errors[0].field", is("parent"));
    assertThat(Db.scalar("select count(*) from unit")).isEqualTo(units);
    // changed by PATCH, journaled; a line never runs in a circle
    as("admin").body("{\"region\":\"370200\"}").patch("/api/v1/units/" + city).then().statusCode(200).body("region.name", is("青岛市"))
        .body("parent", is("fy"));
    assertThat(Db.text("select new_value from journal_entry where entity = 'UNIT' and entity_key = ? and field = 'region' order by id desc limit 1", city))
        .isEqualTo("370200");
    as("admin").body("{\"parent\":\"" + city + "\"}").patch("/api/v1/units/" + plain).then().statusCode(200).body("parent", is(city));
    as("admin").body("{\"parent\":\"" + plain + "\"}").patch("/api/v1/units/" + city).then().statusCode(400).body("errors[0].field", is("parent"));
    as("admin").body("{\"parent\":\"" + city + "\"}").patch("/api/v1/units/" + city).then().statusCode(400);
    as("admin").body("{\"region\":\"379999\"}").patch("/api/v1/units/" + city).then().statusCode(400);
    as("admin").get("/api/v1/units/" + city).then().body("parent", is("fy")).body("region.code", is("370200"));
    as("admin").body("{\"parent\":\"\"}").patch("/api/v1/units/" + plain).then().statusCode(200).body("parent", nullValue());
  }

  @Test
  void unitsImportWithRegionAndParentInAnyRowOrder() {
    String child = fresh("ic");
    String parent = fresh("ip");
    String csv = "code,name,email,region,parent\n" + child + ",区县法院,," + "370100," + parent + "\n" + parent + ",市法院,,370100,fy\n";
    as("admin").contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/units/import").then().statusCode(200).body("created", is(2));
    as("admin").get("/api/v1/units/" + child).then().statusCode(200).body("parent", is(parent)).body("region.code", is("370100"));
    as("admin").get("/api/v1/units/" + parent).then().statusCode(200).body("parent", is("fy"));
    // a circle in the file, an unknown region, an unknown parent: all named, nothing written
    Map<String, Object> before = Db.snapshot();
    String a = fresh("ca");
    String b = fresh("cb");
    String bad = "code,name,email,region,parent\n" + a + ",甲,,370100," + b + "\n" + b + ",乙,,370100," + a + "\n" + fresh("cc") + ",丙,,371200,\n"
        + fresh("cd") + ",丁,,370100,nosuchunit\n";
    JsonPath refused = as("admin").contentType("text/csv; charset=UTF-8").body(bad).post("/api/v1/units/import").then().statusCode(400)
        .extract().jsonPath();
    assertThat(refused.getList("errors.row", Integer.class)).contains(2, 3, 4, 5);
    assertThat(refused.getList("errors.column", String.class)).contains("parent", "region");
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void anAccountOfTheBusinessMayBeLimitedToARegion() {
    String office = fresh("office-jn");
    as("admin").body("{\"username\":\"" + office + "\",\"password\":\"Region-Pass-2026\",\"role\":\"OFFICE\",\"region\":\"370100\"}")
        .post("/api/v1/users").then().statusCode(201).body("region", is("370100"));
    assertThat(Db.text("select new_value from journal_entry where entity = 'USER' and entity_key = ? and field = 'region'", office)).isEqualTo("370100");
    String leader = fresh("leader-all");
    as("admin").body("{\"username\":\"" + leader + "\",\"password\":\"Region-Pass-2026\",\"role\":\"LEADER\"}").post("/api/v1/users")
        .then().statusCode(201).body("region", nullValue());
    // a reporter takes its unit's region, or one that contains it
    String unit = fresh("ru");
    as("admin").body("{\"code\":\"" + unit + "\",\"name\":\"青岛单位\",\"region\":\"370200\"}").post("/api/v1/units").then().statusCode(201);
    String reporter = fresh("rep");
    as("admin").body("{\"username\":\"" + reporter + "\",\"password\":\"Region-Pass-2026\",\"role\":\"REPORTER\",\"unit\":\"" + unit + "\"}")
        .post("/api/v1/users").then().statusCode(201).body("region", is("370200"));
    as("admin").body("{\"username\":\"" + fresh("rep") + "\",\"password\":\"Region-Pass-2026\",\"role\":\"REPORTER\",\"unit\":\"" + unit
        + "\",\"region\":\"370000\"}").post("/api/v1/users").then().statusCode(201).body("region", is("370000"));
    long users = Db.scalar("select count(*) from app_user");
    as("admin").body("{\"username\":\"" + fresh("rep") + "\",\"password\":\"Region-Pass-2026\",\"role\":\"REPORTER\",\"unit\":\"" + unit
        + "\",\"region\":\"370100\"}").post("/api/v1/users").then().statusCode(400).body("errors[0].field", is("region"));
    as("admin").body("{\"username\":\"" + fresh("off") + "\",\"password\":\"Region-Pass-2026\",\"role\":\"OFFICE\",\"region\":\"371200\"}")
        .post("/api/v1/users").then().statusCode(400).body("errors[0].field", is("region"));
    as("security").body("{\"username\":\"" + fresh("aud") + "\",\"password\":\"Region-Pass-2026\",\"role\":\"AUDITOR\",\"region\":\"370100\"}")
        .post("/api/v1/users").then().statusCode(400).body("errors[0].field", is("region"));
    assertThat(Db.scalar("select count(*) from app_user")).isEqualTo(users);
    // the import takes an optional region column, with the same rules
    String imported = fresh("ioff");
    as("admin").contentType("text/csv; charset=UTF-8").body("username,password,role,unit,region\n" + imported + ",Region-Pass-2026,OFFICE,,370300\n")
        .post("/api/v1/users/import").then().statusCode(200).body("created", is(1));
    as("admin").get("/api/v1/users/" + imported).then().statusCode(200).body("region", is("370300"));
    JsonPath refused = as("admin").contentType("text/csv; charset=UTF-8")
        .body("username,password,role,unit,region\n" + fresh("ia") + ",Region-Pass-2026,OFFICE,,371200\n" + fresh("ib") + ",Region-Pass-2026,REPORTER,"
            + unit + ",370100\n")
        .post("/api/v1/users/import").then().statusCode(400).extract().jsonPath();
    assertThat(refused.getList("errors.row", Integer.class)).contains(2, 3);
    assertThat(refused.getList("errors.column", String.class)).containsOnly("region");
    assertThat(Db.scalar("select count(*) from app_user")).isEqualTo(users + 1);
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;
import static org.duban.support.Pages.form;
import static org.duban.support.Pages.page;
import static org.duban.support.Pages.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.duban.support.Api;
import org.junit.jupiter.api.Test;

/** The office's pages: a new measure, editing one (also when someone else saved meanwhile). */
@QuarkusTest
class OfficePagesTest {

  @Test
  void theOfficeCreatesAMeasureThroughTheFormAndOnlyTheOfficeMay() {
    String office = session("office");
    String list = page(office).get("/staff/measures").then().statusCode(200).extract().asString();
    assertThat(list).contains("href=\"/staff/measures/new\"", "新建事项");
    String form = page(office).get("/staff/measures/new").then().statusCode(200).extract().asString();
    assertThat(form).contains("<label for=\"title\">标题</label>", "action=\"/staff/measures/new\"", "截止日期 | 事项 | 完成日期 | 说明");

    String code = Api.newCode();
    Response created = form(office, "/staff/measures/new")
        .formParam("code", code).formParam("area", "JUSTICE").formParam("title", "网页新建的事项")
        .formParam("summary", "公开摘要").formParam("leadUnit", "fy").formParam("coUnits", "jcy").formParam("coUnits", "gat")
        .formParam("startDate", "2021-05-14").formParam("deadline", "2021-12-31")
        .formParam("milestones", "2021-09-30 | 出台规范\n | 建成平台 | 2021-08-01")
        .formParam("targets", "新建调解平台 | 1400 | 处 | 2021-12-31")
        .post("/staff/measures/new");
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(created.header("Location")).endsWith("/staff/measures/" + code + "?done=created");
    var m = as("office").get("/api/v1/measures/" + code).then().statusCode(200).extract().jsonPath();
    assertThat(m.getString("title")).isEqualTo("网页新建的事项");
    assertThat(m.getList("coUnits.code")).containsExactlyInAnyOrder("jcy", "gat");
    assertThat(m.getList("milestones.title")).containsExactly("出台规范", "建成平台");
    assertThat(m.getString("milestones[1].doneOn")).isEqualTo("2021-08-01");
    assertThat(m.getString("targets[0].unitLabel")).isEqualTo("处");
    assertThat(m.getString("committedDeadline")).isEqualTo("2021-12-31");
    assertThat(page(office).get("/staff/measures/" + code + "?done=created").then().statusCode(200).extract().asString())
        .contains("事项已创建", "href=\"/staff/measures/" + code + "/edit\"");

    for (String other : List.of("leader", "reporter-fy")) {
      String s = session(other);
      page(s).get("/staff/measures/new").then().statusCode(403);
      page(s).get("/staff/measures/" + code + "/edit").then().statusCode(403);
      form(s, "/staff/account").formParam("code", Api.newCode()).formParam("title", "x").post("/staff/measures/new").then().statusCode(403);
    }
    String leader = session("leader");
    assertThat(page(leader).get("/staff/measures").then().extract().asString()).doesNotContain("/staff/measures/new");
    assertThat(page(leader).get("/staff/measures/" + code).then().extract().asString()).doesNotContain("/edit\"");
  }

  @Test
  void aBadNewMeasureIsExplainedFieldByFieldInChineseKeepsTheValuesAndCreatesNothing() {
    String office = session("office");
    String code = Api.newCode();
    String html = form(office, "/staff/measures/new")
        .formParam("code", code).formParam("area", "JUSTICE").formParam("title", "  ")
        .formParam("summary", "保留的摘要").formParam("leadUnit", "fy").formParam("coUnits", "fy")
        .formParam("startDate", "2021-05-14").formParam("deadline", "2021-02-30")
        .formParam("milestones", "2021-09-30 | 出台规范\n不是日期 | 事项")
        .post("/staff/measures/new").then().statusCode(400).extract().asString();
    assertThat(html).contains(
        "id=\"title-error\">必填。",
        "id=\"deadline-error\">日期格式应为 2021-12-31。",
        "id=\"coUnits-error\">牵头单位不能同时是配合单位。",
        "id=\"milestones-error\">第 2 行格式不对",
        "保留的摘要",
        "value=\"" + code + "\"");
    as("office").get("/api/v1/measures/" + code).then().statusCode(404);

    String taken = Api.createMeasure("fy");
    assertThat(form(office, "/staff/measures/new")
        .formParam("code", taken).formParam("area", "JUSTICE").formParam("title", "重复")
        .formParam("leadUnit", "fy").formParam("startDate", "2021-05-14").formParam("deadline", "2021-12-31")
        .post("/staff/measures/new").then().statusCode(409).extract().asString()).contains("id=\"code-error\">该编号已有事项。");
  }

  @Test
  void theOfficeEditsAMeasureItsMilestonesAndTargets() {
    String code = Api.createMeasure("fy", "jcy");
    String office = session("office");
    String edit = page(office).get("/staff/measures/" + code + "/edit").then().statusCode(200).extract().asString();
    assertThat(edit).contains("value=\"测试事项 " + code + "\"", "name=\"version\" value=\"");
    String version = version(edit);
    Response saved = form(office, "/staff/measures/" + code + "/edit")
        .formParam("version", version).formParam("area", "JUSTICE").formParam("title", "改过的标题")
        .formParam("summary", "").formParam("leadUnit", "fy").formParam("coUnits", "jcy").formParam("coUnits", "sft")
        .formParam("startDate", "2021-05-14")
        .formParam("milestones", "2021-10-31 | 新节点")
        .formParam("targets", "覆盖率 | 95 | % | 2021-12-31 | 80")
        .formParam("notes", "内部备注")
        .post("/staff/measures/" + code + "/edit");
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.header("Location")).endsWith("/staff/measures/" + code + "?done=edited");
    var m = as("office").get("/api/v1/measures/" + code).then().statusCode(200).extract().jsonPath();
    assertThat(m.getString("title")).isEqualTo("改过的标题");
    assertThat(m.getString("summary")).isNull();
    assertThat(m.getList("coUnits.code")).containsExactlyInAnyOrder("jcy", "sft");
    assertThat(m.getList("milestones.title")).containsExactly("新节点");
    assertThat(m.getFloat("targets[0].actualValue")).isEqualTo(80f);
    assertThat(m.getString("notes")).isEqualTo("内部备注");
    assertThat(m.getString("deadline")).isEqualTo("2021-12-31");
    // the form shows the lines back in the catalogue's format
    assertThat(page(office).get("/staff/measures/" + code + "/edit").then().extract().asString())
        .contains("2021-10-31 | 新节点", "覆盖率 | 95 | % | 2021-12-31 | 80");
  }

  @Test
  void aStaleEditKeepsTheReadersValuesAndShowsTheOtherPersonsBesideThemAndChangesNothing() {
    String code = Api.createMeasure("fy");
    String office = session("office");
    String version = version(page(office).get("/staff/measures/" + code + "/edit").then().statusCode(200).extract().asString());
    // someone else saves meanwhile
    String etag = as("office").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("office").header("If-Match", etag).body("{\"title\":\"别人改的标题\",\"notes\":\"别人的备注\"}")
        .patch("/api/v1/measures/" + code).then().statusCode(200);

    String html = form(office, "/staff/measures/" + code + "/edit")
        .formParam("version", version).formParam("area", "JUSTICE").formParam("title", "我改的标题")
        .formParam("summary", "公开摘要").formParam("leadUnit", "fy").formParam("startDate", "2021-05-14")
        .formParam("notes", "")
        .post("/staff/measures/" + code + "/edit").then().statusCode(412).extract().asString();
    assertThat(html).contains("保存前已有他人修改了此事项", "value=\"我改的标题\"",
        "id=\"title-current\">当前值：别人改的标题", "id=\"notes-current\">当前值：别人的备注");
    assertThat(html).doesNotContain("id=\"summary-current\"");
    assertThat(version(html)).isNotEqualTo(version);
    var m = as("office").get("/api/v1/measures/" + code).then().extract().jsonPath();
    assertThat(m.getString("title")).isEqualTo("别人改的标题");

    // saving again from the re-rendered form is the reader's deliberate choice, and it goes through
    form(office, "/staff/measures/" + code + "/edit")
        .formParam("version", version(html)).formParam("area", "JUSTICE").formParam("title", "我改的标题")
        .formParam("leadUnit", "fy").formParam("startDate", "2021-05-14")
        .post("/staff/measures/" + code + "/edit").then().statusCode(303);
    assertThat(as("office").get("/api/v1/measures/" + code).then().extract().jsonPath().getString("title")).isEqualTo("我改的标题");
  }

  static String version(String html) {
    var m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
    assertThat(m.find()).as("a version field").isTrue();
    return m.group(1);
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.Pages;
import org.junit.jupiter.api.Test;

/**
 * Problem answers in Chinese when Accept-Language prefers zh, in English otherwise (as before): the
 * same status, type, fields, rows and columns in both; and a staff page's refusal in the page's language.
 */
@QuarkusTest
class ChineseProblemsTest {

  static final String ZH = "zh-CN";
  static final String CSV_HEAD = "编号,领域,事项,内容摘要,原文摘录,牵头单位,牵头单位系推定,配合单位,启动日期,承诺时限,节点,量化指标,假设说明,备注\r\n";

  /** The request as a user (null: anonymous) with an Accept-Language (null: none). */
  static RequestSpecification as(String user, String language) {
    RequestSpecification r = user == null ? Api.anonymous() : Api.as(user);
    return language == null ? r : r.header("Accept-Language", language);
  }

  /**
   * Sends the request in Chinese, with no header, in English, and preferring English by weight:
   * asserts the same shape each time, the Chinese texts, the English ones as they always were; answers the Chinese.
   */
  static Response bothWays(Function<String, Response> call, int status, String zhTitle, String zhDetail, String enTitle, String enDetail) {
    Response zh = call.apply(ZH);
    assertThat(zh.statusCode()).isEqualTo(status);
    assertThat(zh.contentType()).startsWith("application/problem+json");
    assertThat(zh.header("Content-Language")).isEqualTo("zh-CN");
    assertThat(zh.header("Vary")).containsIgnoringCase("Accept-Language");
    assertThat(zh.jsonPath().getString("title")).isEqualTo(zhTitle);
    assertThat(zh.jsonPath().getString("detail")).isEqualTo(zhDetail);
    for (String english : new String[] {null, "en", "en;q=0.9, zh;q=0.8"}) {
      Response en = call.apply(english);
      assertThat(en.statusCode()).as(english).isEqualTo(status);
      assertThat(en.header("Content-Language")).as(english).isEqualTo("en");
      assertThat(en.jsonPath().getString("title")).as(english).isEqualTo(enTitle);
      assertThat(en.jsonPath().getString("detail")).as(english).isEqualTo(enDetail);
      assertThat(en.jsonPath().getString("type")).isEqualTo(zh.jsonPath().getString("type"));
      assertThat(en.jsonPath().getInt("status")).isEqualTo(zh.jsonPath().getInt("status"));
      assertThat(en.jsonPath().getString("instance")).isEqualTo(zh.jsonPath().getString("instance"));
      assertThat(en.jsonPath().getList("errors.field")).isEqualTo(zh.jsonPath().getList("errors.field"));
      assertThat(en.jsonPath().getList("errors.row")).isEqualTo(zh.jsonPath().getList("errors.row"));
      assertThat(en.jsonPath().getList("errors.column")).isEqualTo(zh.jsonPath().getList("errors.column"));
    }
    return zh;
  }

  @Test
  void anUnknownMeasure() {
    bothWays(l -> as("office", l).get("/api/v1/measures/J99"), 404,
        "未找到", "没有编号为 J99 的措施。", "Not found", "There is no measure J99.");
  }

  @Test
  void anInvalidFieldNamesItInBothLanguages() {
    String code = Api.createMeasure("fy");
    Map<String, Object> before = Db.snapshot();
    Response zh = bothWays(l -> as("office", l).body("{\"progress\":101,\"publicSummary\":\" \"}").post("/api/v1/measures/" + code + "/reports"),
        400, "请求无效", "请求中有无效字段。", "Invalid request", "The request has invalid fields.");
    assertThat(zh.jsonPath().getList("errors.field")).containsExactly("progress", "publicSummary");
    assertThat(zh.jsonPath().getList("errors.message")).containsExactly("必须小于或等于 100", "不能为空");
    Response en = as("office", null).body("{\"progress\":101,\"publicSummary\":\" \"}").post("/api/v1/measures/" + code + "/reports");
    assertThat(en.jsonPath().getList("errors.message")).containsExactly("must be less than or equal to 100", "must not be blank");
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void preconditionsStaleAndMissing() {
    String code = Api.createMeasure("fy");
    bothWays(l -> as("office", l).header("If-Match", "\"99\"").body("{\"title\":\"新标题\"}").patch("/api/v1/measures/" + code), 412,
        "前置条件不成立", "您读取之后该措施已被修改：请重新读取后再提交修改。",
        "Precondition failed", "The measure has changed since you read it: read it again and reapply your change.");
    bothWays(l -> as("office", l).body("{\"title\":\"新标题\"}").patch("/api/v1/measures/" + code), 428,
        "缺少前置条件", "请在 If-Match 中附上您所读取措施的 ETag，以免覆盖他人的修改。",
        "Precondition required", "Send If-Match with the ETag of the measure you read, so that no change is lost.");
  }

  @Test
  void aConflict() {
    String code = Api.createMeasure("fy");
    bothWays(l -> as("office", l).body(Api.measureJson(code, "fy", "[]")).post("/api/v1/measures"), 409,
        "状态冲突", "编号为 " + code + " 的措施已存在。", "Conflict", "A measure with code " + code + " exists already.");
  }

  @Test
  void forbiddenAndUnauthenticated() {
    bothWays(l -> as("reporter-fy", l).body(Api.measureJson(Api.newCode(), "fy", "[]")).post("/api/v1/measures"), 403,
        "无权操作", "您的角色无权执行此操作。", "Forbidden", "Your role may not do this.");
    Response zh = bothWays(l -> as(null, l).get("/api/v1/measures"), 401,
        "未登录", "请先登录：访问此资源需要账号。", "Unauthorized", "Sign in: this resource needs an account.");
    assertThat(zh.header("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void malformedJson() {
    bothWays(l -> as("office", l).body("{\"code\":").post("/api/v1/measures"), 400,
        "JSON 格式错误", "请求体不是格式正确的 JSON。", "Malformed JSON", "The request body is not well-formed JSON.");
  }

  @Test
  void aCatalogueRowKeepsItsRowAndColumn() {
    byte[] csv = (CSV_HEAD + "ZHX1,BUSINESS,测试事项,,,fy,否,,2021-05-14,31/12/2021,,,,\r\n").getBytes(StandardCharsets.UTF_8);
    Map<String, Object> before = Db.snapshot();
    Response zh = bothWays(l -> as("office", l).contentType("text/csv").body(csv).post("/api/v1/measures/import"), 400,
        "事项清单文件有误", "文件中有 1 处问题；未导入任何内容。请更正所列各行后重新导入整个文件。",
        "Invalid catalogue file", "1 problem(s) in the file; nothing was imported. Correct the rows listed and import the whole file again.");
    assertThat(zh.jsonPath().getList("errors.field")).containsExactly("deadline");
    assertThat(zh.jsonPath().getList("errors.row")).containsExactly(2);
    assertThat(zh.jsonPath().getList("errors.column")).containsExactly("承诺时限");
    assertThat(zh.jsonPath().getList("errors.message"))
        .containsExactly("'31/12/2021' 有歧义：请把四位数的年份写在最前，例如 2021-12-31、2021/6/30 或 2021年6月30日");
    assertThat(as("office", "en").contentType("text/csv").body(csv).post("/api/v1/measures/import").jsonPath().getList("errors.message"))
        .containsExactly("'31/12/2021' is ambiguous: write the year first, with four digits, such as 2021-12-31, 2021/6/30 or 2021年6月30日");
    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void aRefusedStaffFormSaysWhyInThePagesLanguage() {
    String code = Api.createMeasure("fy");
    String page = "/staff/measures/" + code;
    String version = Api.as("office").get("/api/v1/measures/" + code).then().extract().header("ETag").replace("\"", "");
    String office = Pages.session("office");
    Map<String, Object> before = Db.snapshot();
    String zh = Pages.form(office, page).formParam("version", version).formParam("newDeadline", "2021-06-30").formParam("reason", "调整")
        .post(page + "/postpone").then().statusCode(400).contentType("text/html").extract().asString();
    assertThat(zh).contains("id=\"error\"", "newDeadline：必须晚于当前截止日期 2021-12-31").doesNotContain("must be after");
    String en = Pages.form(office, page + "?lang=en").cookie("duban-lang", "en").formParam("version", version)
        .formParam("newDeadline", "2021-06-30").formParam("reason", "adjust")
        .post(page + "/postpone").then().statusCode(400).extract().asString();
    assertThat(en).contains("id=\"error\"", "newDeadline must be after the current deadline 2021-12-31");
    assertThat(Db.snapshot()).isEqualTo(before);
    // a refusal without fields: the detail alone, translated the same way
    String stale = Pages.form(office, page).formParam("version", "99").formParam("newDeadline", "2022-06-30").formParam("reason", "调整")
        .post(page + "/postpone").then().statusCode(412).extract().asString();
    assertThat(stale).contains("您读取之后该措施已被修改");
    assertThat(List.of(zh, en)).allSatisfy(html -> assertThat(html).doesNotContain("<script"));
  }

  /** Refusals answered before the application (the staff gate) speak the same languages. */
  @Test
  void aCrossSiteRefusalFromTheGateIsInChineseToo() {
    Response zh = as("office", "zh-CN").contentType("application/json").header("Sec-Fetch-Site", "cross-site").header("X-Requested-By", "x")
        .body("{}").post("/api/v1/scans");
    zh.then().statusCode(403).contentType("application/problem+json").header("Content-Language", "zh-CN");
    assertThat(zh.jsonPath().getString("title")).isEqualTo("无权操作");
    assertThat(zh.jsonPath().getString("detail")).isEqualTo("来自其他网站的请求不能在此更改任何内容。");
    Response en = as("office", null).contentType("application/json").header("Sec-Fetch-Site", "cross-site").header("X-Requested-By", "x")
        .body("{}").post("/api/v1/scans");
    assertThat(en.jsonPath().getString("detail")).isEqualTo("A request from another site may not change anything here.");
  }
}

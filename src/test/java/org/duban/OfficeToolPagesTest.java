package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;
import static org.duban.support.Pages.csrf;
import static org.duban.support.Pages.form;
import static org.duban.support.Pages.page;
import static org.duban.support.Pages.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The office's catalogue, scan and notice pages. */
@QuarkusTest
class OfficeToolPagesTest {

  static final String HEADINGS = "编号,领域,事项,内容摘要,原文摘录,牵头单位,牵头单位系推定,配合单位,启动日期,承诺时限,节点,量化指标,假设说明,备注\r\n";
  static final Pattern UPLOAD = Pattern.compile("name=\"upload\" value=\"([0-9a-f-]{36})\"");

  @AfterEach
  void backToNow() {
    TestClock.reset();
  }

  static String row(String code, String title, String lead, String deadline) {
    return code + ",JUSTICE," + title + ",,," + lead + ",否,,2021-05-14," + deadline + ",,,,\r\n";
  }

  static Response upload(String session, String name, byte[] file, String type) {
    return page(session).multiPart("csrf", csrf(session, "/staff/catalogue"))
        .multiPart("file", name, file, type).post("/staff/catalogue/upload");
  }

  static long staged(String user) {
    return Db.scalar("select count(*) from catalogue_upload where uploader = ?", user);
  }

  @Test
  void theCataloguePageExportsAndOnlyTheOfficeSeesIt() {
    String code = Api.createMeasure("fy");
    String office = session("office");
    String html = page(office).get("/staff/catalogue").then().statusCode(200).extract().asString();
    assertThat(html).contains("enctype=\"multipart/form-data\"", "href=\"/staff/catalogue/export.csv\"", "href=\"/staff/catalogue/export.xlsx\"",
        "<label for=\"file\">目录文件</label>");
    Response csv = page(office).get("/staff/catalogue/export.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(new String(csv.asByteArray(), StandardCharsets.UTF_8)).contains("编号,领域,事项", code + ",JUSTICE");
    Response xlsx = page(office).get("/staff/catalogue/export.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.asByteArray()).startsWith((byte) 'P', (byte) 'K');
    for (String other : List.of("leader", "reporter-fy")) {
      String s = session(other);
      page(s).get("/staff/catalogue").then().statusCode(403);
      page(s).get("/staff/catalogue/export.csv").then().statusCode(403);
      page(s).multiPart("csrf", csrf(s, "/staff/account")).multiPart("file", "c.csv", (HEADINGS + row(Api.newCode(), "x", "fy", "2021-12-31"))
          .getBytes(StandardCharsets.UTF_8), "text/csv").post("/staff/catalogue/upload").then().statusCode(403);
    }
  }

  @Test
  void aBadFileShowsEveryRowErrorAndWritesNothing() {
    String office = session("office");
    String fresh = Api.newCode();
    var before = Db.snapshot();
    long stagedBefore = staged("office");
    String file = HEADINGS + row(fresh, "好的一行", "fy", "2021-12-31") + row(Api.newCode(), "坏的一行", "nosuchunit", "2021-02-30");
    String html = upload(office, "catalogue.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
        .then().statusCode(400).extract().asString();
    assertThat(html).contains("id=\"row-errors\"", "未导入任何内容", "牵头单位", "承诺时限", "nosuchunit");
    assertThat(html).doesNotContain("id=\"confirm-form\"");
    assertThat(Db.snapshot()).isEqualTo(before);
    assertThat(staged("office")).isEqualTo(stagedBefore);
    as("office").get("/api/v1/measures/" + fresh).then().statusCode(404);
  }

  @Test
  void aDryRunShowsTheCountsWritesNothingAndOnlyItsUploaderConfirmsIt() throws Exception {
    String existing = Api.createMeasure("fy");
    String fresh = Api.newCode();
    String office = session("office");
    String theirs = session(Accounts.business("OFFICE"));
    String file = HEADINGS + row(fresh, "目录新建", "fy", "2021-12-31") + row(existing, "目录改名", "fy", "2021-12-31");
    var before = Db.snapshot();
    String html = upload(office, "catalogue.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
        .then().statusCode(200).extract().asString();
    assertThat(html).contains("共 2 行：将新建 1 项，更新 1 项，0 项不变。", "确认导入", "SHA-256");
    assertThat(Db.snapshot()).isEqualTo(before);
    as("office").get("/api/v1/measures/" + fresh).then().statusCode(404);
    Matcher m = UPLOAD.matcher(html);
    assertThat(m.find()).isTrue();
    String id = m.group(1);

    // another office user cannot apply someone else's upload
    form(theirs, "/staff/catalogue").formParam("upload", id).post("/staff/catalogue/confirm").then().statusCode(404);
    form(office, "/staff/catalogue").formParam("upload", "not-an-id").post("/staff/catalogue/confirm").then().statusCode(404);
    assertThat(Db.snapshot()).isEqualTo(before);

    Response done = form(office, "/staff/catalogue").formParam("upload", id).post("/staff/catalogue/confirm");
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.header("Location")).endsWith("/staff/catalogue?created=1&updated=1&unchanged=0");
    assertThat(page(office).get("/staff/catalogue?created=1&updated=1&unchanged=0").then().extract().asString())
        .contains("已导入：新建 1 项，更新 1 项，0 项不变。");
    assertThat(as("office").get("/api/v1/measures/" + fresh).then().statusCode(200).extract().jsonPath().getString("title")).isEqualTo("目录新建");
    assertThat(as("office").get("/api/v1/measures/" + existing).then().extract().jsonPath().getString("title")).isEqualTo("目录改名");
    assertThat(Db.scalar("select count(*) from catalogue_upload where id = ?::uuid", id)).isZero();
    // applied once: the id is gone
    form(office, "/staff/catalogue").formParam("upload", id).post("/staff/catalogue/confirm").then().statusCode(404);

    // an upload older than an hour is refused
    String later = Api.newCode();
    String again = upload(office, "catalogue.csv", (HEADINGS + row(later, "过期", "fy", "2021-12-31")).getBytes(StandardCharsets.UTF_8), "text/csv")
        .then().statusCode(200).extract().asString();
    Matcher m2 = UPLOAD.matcher(again);
    assertThat(m2.find()).isTrue();
    try (Connection c = Db.connect(); var ps = c.prepareStatement("update catalogue_upload set created_at = created_at - interval '2 hours' where id = ?::uuid")) {
      ps.setString(1, m2.group(1));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    form(office, "/staff/catalogue").formParam("upload", m2.group(1)).post("/staff/catalogue/confirm").then().statusCode(410);
    as("office").get("/api/v1/measures/" + later).then().statusCode(404);
  }

  @Test
  void theScanPageShowsTheHistoryAndRunsAScanNow() {
    int year = (int) Math.max(2021, Db.scalar("select coalesce(max(extract(year from as_of))::bigint, 2020) from scan_run") + 1);
    TestClock.set(year + "-06-01T02:00:00Z");
    String office = session("office");
    assertThat(page(office).get("/staff/scans").then().statusCode(200).extract().asString()).contains("立即扫描", "action=\"/staff/scans\"");
    Response run = form(office, "/staff/scans").post("/staff/scans");
    assertThat(run.statusCode()).isEqualTo(303);
    String id = run.header("Location").replaceAll(".*done=", "");
    String html = page(office).get("/staff/scans?done=" + id).then().statusCode(200).extract().asString();
    assertThat(html).contains("扫描 #" + id + " 已完成", "data-scan=\"" + id + "\"", "PAGE", year + "-06-01");
    for (String other : List.of("leader", "reporter-fy")) {
      String s = session(other);
      page(s).get("/staff/scans").then().statusCode(403);
      form(s, "/staff/account").post("/staff/scans").then().statusCode(403);
    }
  }

  @Test
  void theNoticePageFiltersByStateAndRetriesAFailedNotice() throws Exception {
    String code = Api.createMeasure("fy");
    long id;
    try (Connection c = Db.connect(); var ps = c.prepareStatement(
        "insert into notice (measure_id, level, occasion, recipient, subject, body, state, channel, attempts, last_error, created_at, next_attempt_at)"
            + " values ((select id from measure where code = ?), 'REMINDER', 'test', 'fy@duban.test', '【提醒】页面测试', '正文', 'FAILED', 'SMTP', 5,"
            + " 'connection refused', now(), now()) returning id")) {
      ps.setString(1, code);
      try (var rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    String office = session("office");
    String html = page(office).get("/staff/notices?state=FAILED&measure=" + code).then().statusCode(200).extract().asString();
    assertThat(html).contains("【提醒】页面测试", "发送失败", "connection refused", "action=\"/staff/notices/" + id + "/retry\"");
    assertThat(page(office).get("/staff/notices?state=SENT&measure=" + code).then().statusCode(200).extract().asString())
        .doesNotContain("【提醒】页面测试");
    page(office).get("/staff/notices?state=NOPE").then().statusCode(400);

    Response retried = form(office, "/staff/notices").formParam("state", "FAILED").formParam("measure", code)
        .post("/staff/notices/" + id + "/retry");
    assertThat(retried.statusCode()).isEqualTo(303);
    assertThat(retried.header("Location")).endsWith("/staff/notices?done=" + id + "&state=FAILED&measure=" + code);
    assertThat(Db.text("select state from notice where id = ?", id)).isIn("PENDING", "SENDING", "SENT");
    // no longer FAILED: a second retry is refused on the page, with the reason
    assertThat(form(office, "/staff/notices").post("/staff/notices/" + id + "/retry").then().statusCode(409).extract().asString())
        .contains("id=\"error\"");
    for (String other : List.of("leader", "reporter-fy")) {
      String s = session(other);
      page(s).get("/staff/notices").then().statusCode(403);
      form(s, "/staff/account").post("/staff/notices/" + id + "/retry").then().statusCode(403);
    }
  }

  @Test
  void theOfficesNavLeadsToItsPagesAndThePagesSpeakEnglishOnRequest() {
    String office = session("office");
    assertThat(page(office).get("/staff/measures").then().statusCode(200).extract().asString())
        .contains("href=\"/staff/catalogue\"", "href=\"/staff/scans\"", "href=\"/staff/notices\"");
    assertThat(page(session("leader")).get("/staff/dashboard").then().statusCode(200).extract().asString())
        .doesNotContain("href=\"/staff/catalogue\"", "href=\"/staff/scans\"", "href=\"/staff/notices\"");
    assertThat(page(office).get("/staff/measures/new?lang=en").then().statusCode(200).extract().asString())
        .contains("New measure", "One per line", "lang=\"en\"");
    assertThat(page(office).get("/staff/catalogue?lang=en").then().statusCode(200).extract().asString())
        .contains("Catalogue import and export", "Dry run");
    assertThat(page(office).get("/staff/scans?lang=en").then().statusCode(200).extract().asString()).contains("Scan now");
    assertThat(page(office).get("/staff/notices?lang=en").then().statusCode(200).extract().asString()).contains("Notice delivery");
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.duban.support.Api;
import org.duban.support.Browser;
import org.duban.support.BrowserAvailability;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The supervision office's job, through the pages only, in Chromium: import a catalogue saved from
 * Chinese Excel (GBK, CRLF, unit names, Chinese dates), read the row errors it was shown, fix them,
 * see the dry run and apply it; edit a measure; retry a notice that failed to send.
 */
@QuarkusTest
@DisabledIf(value = "org.duban.support.BrowserAvailability#skipHere", disabledReason = BrowserAvailability.SKIP_REASON)
class OfficeBrowserTest {

  @TestHTTPResource("/")
  URL base;

  static Path gbkCsv(String name, String... rows) throws Exception {
    StringBuilder csv = new StringBuilder(CatalogueImportTest.HEAD);
    for (String row : rows) {
      csv.append(row);
    }
    Path file = Path.of("target", name).toAbsolutePath();
    Files.write(file, csv.toString().getBytes(Charset.forName("GBK")));
    return file;
  }

  static String row(String code, String lead, String deadline) {
    return CatalogueImportTest.excelRow(code, "聚焦严格执法司法解民难", "页面导入的事项 " + code, "为群众办实事", "", lead, "否", "",
        "2021/6/30", deadline, "", "", "", "");
  }

  @Test
  void theOfficeImportsFixesEditsAndRetriesThroughThePages() throws Exception {
    String a = Api.newCode();
    String b = Api.newCode();
    try (Browser browser = new Browser(base)) {
      browser.signIn("office", Api.PASSWORD);

      // 1. a file with two mistakes in row 3: a unit nobody has, a day that does not exist
      browser.open("/staff/catalogue");
      browser.driver.findElement(By.id("file")).sendKeys(
          gbkCsv("office-catalogue-1.csv", row(a, "省法院", "2021年12月31日"), row(b, "省高级法院X", "2021/2/30")).toString());
      browser.driver.findElement(By.id("dry-run-button")).click();
      browser.waitFor(By.id("row-errors"));
      List<WebElement> errors = browser.driver.findElements(By.cssSelector("#row-errors tbody tr"));
      assertThat(errors).hasSize(2);
      String table = browser.driver.findElement(By.id("row-errors")).getText();
      assertThat(table).contains("3", "牵头单位", "承诺时限", "没有编号或名称为 '省高级法院X' 的单位", "不是日历上存在的日期")
          .doesNotContain("no unit has");
      assertThat(browser.driver.findElements(By.id("confirm"))).isEmpty();
      browser.shot("office-1-row-errors");
      Api.as("office").get("/api/v1/measures/" + a).then().statusCode(404);

      // 2. fixed as the errors said: the dry run says what would happen, then the office confirms
      browser.open("/staff/catalogue");
      browser.driver.findElement(By.id("file")).sendKeys(
          gbkCsv("office-catalogue-2.csv", row(a, "省法院", "2021年12月31日"), row(b, "fy", "2021/12/31")).toString());
      browser.driver.findElement(By.id("dry-run-button")).click();
      browser.waitFor(By.id("dry-run"));
      assertThat(browser.driver.findElement(By.id("dry-run")).getText()).contains("新建 2 项");
      Api.as("office").get("/api/v1/measures/" + a).then().statusCode(404);
      browser.shot("office-2-dry-run");
      browser.driver.findElement(By.id("confirm")).click();
      browser.waitFor(By.id("done"));
      assertThat(browser.driver.findElement(By.id("done")).getText()).contains("新建 2 项");
      Api.as("office").get("/api/v1/measures/" + b).then().statusCode(200);

      // 3. edit a measure: the new title is on the measure's page
      browser.open("/staff/measures/" + a);
      browser.driver.findElement(By.linkText("编辑")).click();
      browser.waitFor(By.id("measure-form"));
      WebElement title = browser.driver.findElement(By.id("title"));
      title.clear();
      title.sendKeys("页面编辑后的标题 " + a);
      browser.shot("office-3-edit");
      browser.driver.findElement(By.id("save")).click();
      browser.waitFor(By.id("done"));
      assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("页面编辑后的标题");
      Api.as("office").get("/api/v1/measures/" + a).then().statusCode(200)
          .body("title", org.hamcrest.Matchers.equalTo("页面编辑后的标题 " + a));

      // 4. a notice that failed to send: found by its state, retried
      long id;
      try (Connection c = Db.connect(); var ps = c.prepareStatement(
          "insert into notice (measure_id, level, occasion, recipient, subject, body, state, channel, attempts, last_error, created_at, next_attempt_at)"
              + " values ((select id from measure where code = ?), 'REMINDER', 'browser', 'fy@duban.test', '【提醒】浏览器测试', '正文', 'FAILED', 'SMTP', 5,"
              + " 'connection refused', now(), now()) returning id")) {
        ps.setString(1, a);
        try (var rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      browser.open("/staff/notices?state=FAILED&measure=" + a);
      browser.waitFor(By.cssSelector("tr[data-notice='" + id + "'] button.retry"));
      browser.shot("office-4-failed-notice");
      browser.driver.findElement(By.cssSelector("tr[data-notice='" + id + "'] button.retry")).click();
      browser.waitFor(By.id("done"));
      assertThat(browser.driver.findElement(By.id("done")).getText()).contains("#" + id);
      assertThat(Db.text("select state from notice where id = ?", id)).isNotEqualTo("FAILED");
      browser.signOut();
    }
  }
}

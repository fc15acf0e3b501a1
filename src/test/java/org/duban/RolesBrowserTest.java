package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.duban.support.Api;
import org.duban.support.Browser;
import org.duban.support.BrowserAvailability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Each role's job through the pages only, in Chromium: the system administrator creates a unit and
 * its reporter's account, the security administrator disables and re-enables it, the auditor filters
 * the trail, runs the chain check and reads a measure's journal, a leader reads the overdue report
 * (filtered, sorted) and the ledger. (The reporter's and the office's jobs: BrowserTest,
 * OfficeBrowserTest.)
 */
@QuarkusTest
@DisabledIf(value = "org.duban.support.BrowserAvailability#skipHere", disabledReason = BrowserAvailability.SKIP_REASON)
class RolesBrowserTest {

  @TestHTTPResource("/")
  URL base;

  static void type(Browser b, String id, String text) {
    WebElement e = b.driver.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  static void submit(Browser b, String formAction) {
    b.driver.findElement(By.cssSelector("form[action='" + formAction + "'] button[type=submit]")).click();
  }

  @Test
  void theAdministratorsManageUnitsAndAccounts() throws Exception {
    String unit = "u" + Long.toString(System.nanoTime() % 100_000_000L, 36);
    String user = "reporter-" + unit;
    try (Browser b = new Browser(base)) {
      b.signIn("admin", Api.PASSWORD);
      b.open("/staff/units");
      type(b, "new-code", unit);
      type(b, "new-name", "浏览器测试单位" + unit);
      type(b, "new-email", unit + "@duban.test");
      submit(b, "/staff/units");
      b.waitFor(By.id("done"));
      assertThat(b.driver.findElement(By.id("units")).getText()).contains(unit, "浏览器测试单位" + unit);
      // its contact address changes
      type(b, "email-" + unit, "office-" + unit + "@duban.test");
      submit(b, "/staff/units/" + unit);
      b.waitFor(By.id("done"));
      Api.as("admin").get("/api/v1/units/" + unit).then().statusCode(200)
          .body("email", org.hamcrest.Matchers.equalTo("office-" + unit + "@duban.test"));
      b.shot("admin-1-units");

      b.open("/staff/users");
      type(b, "new-username", user);
      type(b, "new-password", Api.PASSWORD);
      new Select(b.driver.findElement(By.id("new-role"))).selectByValue("REPORTER");
      new Select(b.driver.findElement(By.id("new-unit"))).selectByValue(unit);
      submit(b, "/staff/users");
      b.waitFor(By.id("done"));
      // the list is paged and other tests make accounts too: the administrator finds it by name
      type(b, "q", user);
      b.driver.findElement(By.cssSelector("#user-search button")).click();
      b.waitFor(By.id("users"));
      assertThat(b.driver.findElement(By.id("users")).getText()).contains(user);
      b.shot("admin-2-users");
      Api.as("admin").get("/api/v1/users/" + user).then().statusCode(200).body("unit", org.hamcrest.Matchers.equalTo(unit));
      b.signOut();

      // the security administrator disables the account, then enables it again
      b.signIn("security", Api.PASSWORD);
      b.open("/staff/users?q=" + user);
      type(b, "reason-" + user, "人员调岗，暂停账号");
      submit(b, "/staff/users/" + user + "/lock");
      b.waitFor(By.id("done"));
      Api.as("security").get("/api/v1/users/" + user).then().statusCode(200).body("locked", org.hamcrest.Matchers.equalTo(true));
      b.open("/staff/users?q=" + user); // the answer lists the first page again: find the account by name
      submit(b, "/staff/users/" + user + "/unlock");
      b.waitFor(By.id("done"));
      Api.as("security").get("/api/v1/users/" + user).then().statusCode(200).body("locked", org.hamcrest.Matchers.equalTo(false));
      b.signOut();

      // the new reporter signs in and sees its unit's (empty) list
      b.signIn(user, Api.PASSWORD);
      assertThat(b.driver.getCurrentUrl()).contains("/staff/");
    }
  }

  @Test
  void theAuditorFiltersTheTrailRunsTheCheckAndReadsAJournal() throws Exception {
    String code = Api.createMeasure("fy");
    Api.as("office").body("{\"newDeadline\":\"2022-03-31\",\"reason\":\"浏览器测试\"}").post("/api/v1/measures/" + code + "/postponements")
        .then().statusCode(200);
    try (Browser b = new Browser(base)) {
      b.signIn("auditor", Api.PASSWORD);
      b.open("/staff/audit");
      type(b, "f-actor", "office");
      new Select(b.driver.findElement(By.id("f-action"))).selectByValue("WRITE");
      submit(b, "/staff/audit");
      b.waitFor(By.id("audit"));
      List<WebElement> rows = b.driver.findElements(By.cssSelector("#audit tbody tr"));
      assertThat(rows).isNotEmpty();
      assertThat(rows).allMatch(r -> r.getText().contains("office"));
      b.shot("auditor-1-trail");
      b.driver.findElement(By.id("verify")).click();
      b.waitFor(By.id("chain-intact"));
      b.shot("auditor-2-chain");
      type(b, "f-measure", code);
      submit(b, "/staff/audit/measure");
      b.waitFor(By.tagName("table"));
      assertThat(b.driver.getPageSource()).contains(code, "2022-03-31", "浏览器测试");
      b.shot("auditor-3-journal");
    }
  }

  @Test
  void aLeaderReadsTheOverdueReportAndTheLedger() throws Exception {
    // due 2021-01-31: overdue longer than the other tests' measures, so it heads the report's first page
    String code = Api.newCode();
    Api.as("office").body(Api.measureJson(code, "fy", "[]").replace("2021-05-14", "2021-01-04").replace("2021-12-31", "2021-01-31"))
        .post("/api/v1/measures").then().statusCode(201);
    try (Browser b = new Browser(base)) {
      b.signIn("leader", Api.PASSWORD);
      b.open("/staff/overdue");
      b.waitFor(By.id("overdue"));
      new Select(b.driver.findElement(By.id("f-area"))).selectByValue("JUSTICE");
      new Select(b.driver.findElement(By.id("f-unit"))).selectByValue("fy");
      b.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
      b.waitFor(By.id("overdue"));
      assertThat(b.driver.findElement(By.id("overdue")).getText()).contains(code);
      b.driver.findElement(By.id("sort-days")).click();
      b.waitFor(By.id("overdue"));
      assertThat(b.driver.getCurrentUrl()).contains("sort=");
      assertThat(b.driver.findElement(By.id("download-xlsx")).getAttribute("href")).contains("/staff/overdue.xlsx");
      b.shot("leader-1-overdue");
      b.open("/staff/ledger");
      b.waitFor(By.id("ledger"));
      assertThat(b.driver.findElement(By.id("ledger")).getText()).contains(code);
      b.shot("leader-2-ledger");
    }
  }
}

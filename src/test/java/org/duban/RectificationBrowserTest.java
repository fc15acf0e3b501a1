package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Browser;
import org.duban.support.BrowserAvailability;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A finding rectified in a real browser (issue 15): a group member (LEADER) records an inspection,
 * the city's office makes its finding a rectification item, the unit uploads its evidence and claims
 * it done, the office verifies, and the leader's desk shows it closed (已销号).
 */
@QuarkusTest
@DisabledIf(value = "org.duban.support.BrowserAvailability#skipHere", disabledReason = BrowserAvailability.SKIP_REASON)
class RectificationBrowserTest {

  @TestHTTPResource("/")
  URL base;

  @Test
  void aLeaderInspectsTheOfficeMakesAnItemTheUnitClosesItAndTheDeskShowsIt() throws Exception {
    String unit = "rb" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Db.exec("insert into unit (code, name, region_code, created_at) values (?, '济南市中级人民法院', '370100', now())", unit);
    String reporter = Accounts.reporter(unit);
    String office = Accounts.business("OFFICE");
    String leader = Accounts.business("LEADER");
    Db.exec("update app_user set region_code = '370100' where username in (?, ?)", office, reporter);
    Db.exec("update app_user set must_change_password = false where username in (?, ?, ?)", reporter, office, leader);
    String measure = Api.createMeasure("fy");
    Api.as("office").body("{\"leaders\":[\"" + leader + "\"]}").put("/api/v1/measures/" + measure + "/contact-leaders").then().statusCode(200);
    Api.as("office").body("{\"name\":\"浏览器指导组" + unit + "\",\"members\":[\"" + leader + "\"],\"regions\":[\"370100\"]}")
        .post("/api/v1/groups").then().statusCode(201);
    Path pdf = Files.createTempFile("整改方案", ".pdf");
    Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    try (Browser b = new Browser(base)) {
      // the group's member records the inspection
      b.signIn(leader, Api.PASSWORD);
      b.open("/staff/inspections");
      b.waitFor(By.id("record-form"));
      set(b, b.driver.findElement(By.id("date")), "2021-09-15");
      b.driver.findElement(By.id("unit")).sendKeys(unit);
      b.driver.findElement(By.id("items")).sendKeys(measure);
      b.driver.findElement(By.id("findings")).sendKeys("诉讼服务中心一次性告知不到位");
      b.driver.findElement(By.id("record")).click();
      b.waitFor(By.id("done"));
      String inspection = b.driver.getCurrentUrl().replaceAll("^.*/staff/inspections/(\\d+).*$", "$1");
      b.signOut();

      // the city's office makes the finding an item on the inspection's page
      b.signIn(office, Api.PASSWORD);
      b.open("/staff/inspections/" + inspection);
      b.waitFor(By.id("convert-form"));
      set(b, b.driver.findElement(By.id("deadline")), "2099-10-31");
      b.driver.findElement(By.id("title")).sendKeys("一次性告知整改");
      b.driver.findElement(By.id("requiredOutcome")).sendKeys("制定一次性告知清单并上墙公示");
      b.driver.findElement(By.id("convert")).click();
      b.waitFor(By.id("done"));
      String item = b.driver.getCurrentUrl().replaceAll("^.*(/staff/rectifications/\\d+).*$", "$1");
      b.signOut();

      // the unit uploads its evidence, reports and claims it done
      b.signIn(reporter, Api.PASSWORD);
      b.open(item);
      b.waitFor(By.id("upload-form"));
      b.driver.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
      b.driver.findElement(By.id("upload")).click();
      b.waitFor(By.id("files"));
      b.driver.findElement(By.id("progress-input")).clear();
      b.driver.findElement(By.id("progress-input")).sendKeys("100");
      b.driver.findElement(By.id("publicSummary")).sendKeys("清单已上墙");
      b.driver.findElement(By.id("submit-report")).click();
      b.waitFor(By.id("done"));
      b.signOut();
      b.signIn(office, Api.PASSWORD);
      b.open(item);
      b.waitFor(By.cssSelector("button.accept"));
      b.driver.findElement(By.cssSelector("button.accept")).click();
      b.waitFor(By.id("done"));
      b.signOut();
      b.signIn(reporter, Api.PASSWORD);
      b.open(item);
      b.waitFor(By.id("claim-done"));
      b.driver.findElement(By.id("claim-done")).click();
      b.waitFor(By.id("done"));
      b.signOut();

      // the office verifies
      b.signIn(office, Api.PASSWORD);
      b.open(item);
      b.waitFor(By.id("verify"));
      b.driver.findElement(By.id("verify")).click();
      b.waitFor(By.id("done"));
      assertThat(b.driver.findElement(By.id("status")).getText()).isEqualTo("已销号");
      assertThat(b.driver.findElement(By.id("files")).getText()).contains("SHA-256");
      b.signOut();

      // the leader's desk shows it closed
      b.signIn(leader, Api.PASSWORD);
      b.open("/staff/desk");
      b.waitFor(By.id("desk-items"));
      String desk = b.driver.findElement(By.tagName("main")).getText();
      assertThat(desk).contains(measure, "一次性告知整改", "已销号");
      b.shot("rectification");
    }
    Files.createDirectories(Path.of("docs", "screenshots"));
    Files.copy(Browser.SHOTS.resolve("rectification.png"), Path.of("docs", "screenshots", "rectification.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A date field's value as the page's user would pick it (the picker's typing is locale-bound). */
  static void set(Browser b, WebElement field, String value) {
    ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1];", field, value);
  }
}

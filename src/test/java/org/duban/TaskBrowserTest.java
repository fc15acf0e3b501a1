package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.duban.support.Accounts;
import org.duban.support.Api;
import org.duban.support.Browser;
import org.duban.support.BrowserAvailability;
import org.duban.support.Db;
import org.duban.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.openqa.selenium.By;

/**
 * The cascade in a real browser (issue 14): a city's reporter reports on its task, the city's office
 * accepts it, and the provincial leader's region view shows the city's tile change colour (yellow:
 * lagging; green: on track). 临沂 (371300) is this test's own city: no other test puts a task there.
 */
@QuarkusTest
@DisabledIf(value = "org.duban.support.BrowserAvailability#skipHere", disabledReason = BrowserAvailability.SKIP_REASON)
class TaskBrowserTest {

  static final String CITY = "371300";

  @TestHTTPResource("/")
  URL base;

  @BeforeEach
  void onTheFirstOfOctober2021() {
    // a task from May to December with no progress lags (yellow); at 80% it is on track (green)
    TestClock.set("2021-10-01T02:00:00Z");
  }

  @AfterEach
  void backToNow() {
    TestClock.reset();
  }

  @Test
  void aCityReportsItsOfficeAcceptsAndTheProvincesMapTurnsGreen() throws Exception {
    String unit = "ly" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Db.exec("insert into unit (code, name, region_code, parent_code, created_at) values (?, '临沂市中级人民法院', ?, 'fy', now())", unit, CITY);
    String reporter = Accounts.reporter(unit);
    String office = Accounts.business("OFFICE");
    Db.exec("update app_user set region_code = ? where username = ?", CITY, office);
    Db.exec("update app_user set must_change_password = false where username in (?, ?)", reporter, office);
    String measure = Api.createMeasure("fy");
    String task = Api.as("office").body("{\"region\":\"" + CITY + "\",\"unit\":\"" + unit + "\",\"deadline\":\"2021-12-31\"}")
        .post("/api/v1/measures/" + measure + "/tasks").then().statusCode(201).extract().path("code");

    try (Browser b = new Browser(base)) {
      // the provincial leader's map: 临沂 is yellow (its only task lags)
      b.signIn("leader", Api.PASSWORD);
      b.open("/staff/dashboard");
      b.waitFor(By.id("region-tiles"));
      assertThat(tileLight(b)).isEqualTo("YELLOW");
      b.signOut();

      // the city court's reporter reports on its task
      b.signIn(reporter, Api.PASSWORD);
      b.open("/staff/tasks/" + task);
      b.waitFor(By.id("report-form"));
      assertThat(b.driver.findElement(By.id("light")).getText()).isEqualTo("黄灯");
      b.driver.findElement(By.id("progress-input")).clear();
      b.driver.findElement(By.id("progress-input")).sendKeys("80");
      b.driver.findElement(By.id("publicSummary")).sendKeys("临沂市已建成县级一站式矛盾纠纷调解中心");
      b.driver.findElement(By.id("submit-report")).click();
      b.waitFor(By.id("done"));
      b.shot("task-1-city-reporter-submitted");
      b.signOut();

      // the city's office accepts it: the task is green; another city's task is not there for it
      b.signIn(office, Api.PASSWORD);
      b.open("/staff/tasks/" + task);
      b.waitFor(By.cssSelector("button.accept"));
      b.driver.findElement(By.cssSelector("button.accept")).click();
      b.waitFor(By.id("done"));
      assertThat(b.driver.findElement(By.id("progress")).getText()).isEqualTo("80%");
      assertThat(b.driver.findElement(By.id("light")).getText()).isEqualTo("绿灯");
      b.shot("task-2-city-office-accepted");
      b.signOut();

      // the provincial leader's map: 临沂 is green now, and the measure rolled up to 80%
      b.signIn("leader", Api.PASSWORD);
      b.open("/staff/dashboard");
      b.waitFor(By.id("region-tiles"));
      assertThat(tileLight(b)).isEqualTo("GREEN");
      b.shot("task-3-leader-region-view");
      Files.copy(Browser.SHOTS.resolve("task-3-leader-region-view.png"), Browser.SHOTS.resolve("region-view.png"),
          StandardCopyOption.REPLACE_EXISTING);
      b.open("/staff/measures/" + measure);
      b.waitFor(By.id("progress"));
      assertThat(b.driver.findElement(By.id("progress")).getText()).isEqualTo("80%");
    }
  }

  static String tileLight(Browser b) {
    return b.driver.findElement(By.cssSelector("#region-tiles a[data-region='" + CITY + "']")).getAttribute("data-light");
  }
}

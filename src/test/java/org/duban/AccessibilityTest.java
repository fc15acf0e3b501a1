package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.support.Api;
import org.duban.support.Browser;
import org.duban.support.BrowserAvailability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

/**
 * axe-core finds no violation on any page, as each role sees it: the public pages, the login, and
 * every staff page a role reaches (in Chinese, and the dashboard in English too). A new page is
 * added to {@link #PAGES}.
 */
@QuarkusTest
@DisabledIf(value = "org.duban.support.BrowserAvailability#skipHere", disabledReason = BrowserAvailability.SKIP_REASON)
class AccessibilityTest {

  @TestHTTPResource("/")
  URL base;

  /** Who signs in (null: nobody) → the pages that account reaches. */
  static Map<String, List<String>> pages(String measure, String task) {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put(null, List.of("/", "/measures/J04", "/login", "/measures/" + measure, "/regions", "/regions/370100", "/regions/370000?lang=en"));
    pages.put("office", List.of("/staff/dashboard", "/staff/measures", "/staff/measures/" + measure, "/staff/measures/new",
        "/staff/measures/" + measure + "/edit", "/staff/catalogue", "/staff/scans", "/staff/notices", "/staff/notices?state=FAILED",
        "/staff/measures/" + measure + "/journal",
        // tasks-ui (issue 14): the task pages
        "/staff/tasks", "/staff/tasks?lang=en", "/staff/tasks/" + task, "/staff/measures/" + task.substring(0, task.lastIndexOf('-')),
        // supervision pages (issue 15)
        "/staff/rectifications", "/staff/inspections", "/staff/groups"));
    pages.put("reporter-fy", List.of("/staff/measures", "/staff/measures/" + measure));
    pages.put("leader", List.of("/staff/dashboard", "/staff/dashboard?lang=en", "/staff/measures?lang=zh", "/staff/measures/" + measure,
        "/staff/account", "/staff/password", "/staff/overdue", "/staff/overdue?area=JUSTICE&sort=overdueDays", "/staff/ledger",
        // supervision pages (issue 15)
        "/staff/desk", "/staff/rectifications?lang=en", "/staff/inspections", "/staff/groups"));
    pages.put("admin", List.of("/staff/units", "/staff/users", "/staff/regions", "/staff/scans", "/staff/measures"));
    pages.put("security", List.of("/staff/users", "/staff/account"));
    pages.put("auditor", List.of("/staff/audit", "/staff/audit?action=WRITE", "/staff/measures/" + measure + "/journal", "/staff/account"));
    return pages;
  }

  @Test
  void noPageHasAnAccessibilityViolation() throws Exception {
    String measure = Api.createMeasure("fy");
    // a task in 济南, so that the measure's breakdown by city and the city's page have a table to check
    String city = "ax" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    org.duban.support.Db.exec("insert into unit (code, name, region_code, created_at) values (?, '济南市测试单位', '370100', now())", city);
    Api.as("office").body("{\"region\":\"370100\",\"unit\":\"" + city + "\",\"deadline\":\"2021-11-30\"}")
        .post("/api/v1/measures/" + measure + "/tasks").then().statusCode(201);
    // tasks-ui (issue 14): a measure broken down for Jinan, for the task pages
    String taskMeasure = Api.createMeasure("fy");
    String jnUnit = "jnax" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    org.duban.support.Db.exec("insert into unit (code, name, region_code, created_at) values (?, '济南市法院', '370100', now())", jnUnit);
    String task = org.duban.support.Api.as("office").body("{\"region\":\"370100\",\"unit\":\"" + jnUnit + "\",\"deadline\":\"2021-11-30\"}")
        .post("/api/v1/measures/" + taskMeasure + "/tasks").then().statusCode(201).extract().path("code");
    List<String> found = new ArrayList<>();
    int checked = 0;
    try (Browser browser = new Browser(base)) {
      for (Map.Entry<String, List<String>> role : pages(measure, task).entrySet()) {
        if (role.getKey() != null) {
          browser.signIn(role.getKey(), Api.PASSWORD);
        }
        for (String path : role.getValue()) {
          browser.open(path);
          checked++;
          for (Browser.Violation v : browser.axe()) {
            found.add((role.getKey() == null ? "anonymous" : role.getKey()) + " " + path + ": " + v);
          }
        }
        if (role.getKey() != null) {
          browser.signOut();
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(34);
    assertThat(found).as("axe-core violations").isEmpty();
  }

  /** The check is not vacuous: a page with an image without text and a field without a label fails it. */
  @Test
  void axeFindsViolationsWhereThereAreSome() throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.driver.get("data:text/html;charset=utf-8,<!doctype html><html lang=zh-CN><head><title>x</title></head><body><main>"
          + "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><input type=text name=q></main></body></html>");
      List<String> rules = browser.axe().stream().map(Browser.Violation::rule).toList();
      assertThat(rules).contains("image-alt", "label");
    }
  }
}

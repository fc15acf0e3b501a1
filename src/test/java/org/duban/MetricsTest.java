package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The metrics operations alert on (deploy/prometheus/duban-alerts.yaml) are exported. */
@QuarkusTest
class MetricsTest {

  @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
  java.net.URL management;

  @Test
  void scanOverdueAndOutboxMetricsAreExported() {
    // as the office: a scan (today's date would close every past round; not needed here)
    org.duban.support.TestClock.set("2021-05-20T02:00:00Z");
    try {
      as("office").post("/api/v1/scans").then().statusCode(200);
    } finally {
      org.duban.support.TestClock.reset();
    }
    String metrics = given().get(org.duban.support.Management.url(management, "/q/metrics")).then().statusCode(200).extract().asString();
    assertThat(metrics).contains("duban_scan_duration_seconds_count", "duban_scan_failures_total", "duban_scan_last_success_seconds",
        "duban_measures_overdue", "duban_measures_light{light=\"RED\"}", "duban_notices_backlog", "duban_notices_failed");
    assertThat(metrics).containsPattern("duban_scan_last_success_seconds(\\{[^}]*\\})? [1-9]");
  }
}

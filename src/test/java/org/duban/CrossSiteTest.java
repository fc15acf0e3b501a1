package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/**
 * No cross-site use of credentials a browser caches (issue 11, point 3): a state-changing API call
 * with Basic credentials in a content type an HTML form can send needs X-Requested-By, and a
 * request the browser marks cross-site changes nothing.
 */
@QuarkusTest
class CrossSiteTest {

  /** Bodies sent as they are, whatever the content type says (as a browser form or curl would). */
  static final io.restassured.config.RestAssuredConfig RAW = io.restassured.config.RestAssuredConfig.config().encoderConfig(
      io.restassured.config.EncoderConfig.encoderConfig()
          .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)
          .encodeContentTypeAs("multipart/form-data", io.restassured.http.ContentType.TEXT));

  static RequestSpecification office() {
    return given().config(RAW).auth().preemptive().basic("office", Api.PASSWORD);
  }

  static long report() {
    String code = Api.createMeasure("fy");
    return ((Number) as("reporter-fy").body("{\"progress\":30,\"publicSummary\":\"跨站测试\"}")
        .post("/api/v1/measures/" + code + "/reports").then().statusCode(201).extract().path("id")).longValue();
  }

  @Test
  void aFormEncodedAcceptOrScanWithBasicCredentialsIsRefusedAndChangesNothing() {
    long id = report();
    Map<String, Object> before = Db.snapshot();
    long scans = Db.scalar("select count(*) from scan_run");
    for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"}) {
      Response accept = office().contentType(type).body("a=1").post("/api/v1/reports/" + id + "/accept");
      assertThat(accept.statusCode()).as(type).isEqualTo(403);
      assertThat(accept.contentType()).startsWith("application/problem+json");
      assertThat(accept.jsonPath().getString("detail")).contains("X-Requested-By");
      office().contentType(type).body("a=1").post("/api/v1/scans").then().statusCode(403);
    }
    assertThat(Db.snapshot()).isEqualTo(before);
    assertThat(Db.scalar("select count(*) from scan_run")).isEqualTo(scans);
    assertThat(Db.scalar("select count(*) from progress_report where id = ? and state = 'PENDING'", id)).isEqualTo(1);
  }

  @Test
  void withXRequestedByOrAsJsonTheSameCallIsAnsweredOnItsMerits() {
    long id = report();
    Response r = office().contentType("text/plain").header("X-Requested-By", "script").body("").post("/api/v1/reports/" + id + "/accept");
    assertThat(r.statusCode()).as(r.asString()).isNotEqualTo(403);
    long other = report();
    office().contentType("application/json").post("/api/v1/reports/" + other + "/accept").then().statusCode(200);
  }

  @Test
  void aRequestTheBrowserMarksCrossSiteIsRefusedWhateverItsContentType() {
    long id = report();
    Map<String, Object> before = Db.snapshot();
    office().contentType("application/json").header("Sec-Fetch-Site", "cross-site").header("X-Requested-By", "x")
        .post("/api/v1/reports/" + id + "/accept").then().statusCode(403);
    // a page form from another site, with the session cookie: refused before the form's own token is looked at
    given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").contentType("application/x-www-form-urlencoded")
        .formParam("j_username", "office").formParam("j_password", Api.PASSWORD).post("/j_security_check").then().statusCode(403);
    assertThat(Db.snapshot()).isEqualTo(before);
    // reading is not changing: a cross-site GET is answered
    office().header("Sec-Fetch-Site", "cross-site").get("/api/v1/measures").then().statusCode(200);
    // same-site requests are the normal case
    office().contentType("application/json").header("Sec-Fetch-Site", "same-origin").post("/api/v1/reports/" + id + "/accept")
        .then().statusCode(200);
  }
}

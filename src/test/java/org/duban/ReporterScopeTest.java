package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/** A reporter acts only where its unit is lead or co-unit; elsewhere it sees 404 and writes nothing. */
@QuarkusTest
class ReporterScopeTest {

  @Test
  void aReporterListsOnlyItsUnitsMeasures() {
    String lead = Api.createMeasure("gat");
    String co = Api.createMeasure("fy", "gat");
    String other = Api.createMeasure("fy");
    List<String> codes =
        as("reporter-gat").queryParam("size", 100).get("/api/v1/measures").then().statusCode(200).extract().jsonPath().getList("items.code");
    assertThat(codes).contains(lead, co).doesNotContain(other);
    assertThat(codes).allSatisfy(c -> assertThat(c).isNotIn("B02", "J04")); // fy-led catalogue measures
    as("reporter-gat").queryParam("unit", "fy").get("/api/v1/measures").then().statusCode(200).body("total", equalTo(0));
  }

  @Test
  void elsewhereEverythingIs404Or403AndNothingIsWritten() {
    String other = Api.createMeasure("fy");
    String etag = as("office").get("/api/v1/measures/" + other).then().extract().header("ETag");
    int report =
        as("reporter-fy").body("{\"progress\":10,\"publicSummary\":\"开始\"}").post("/api/v1/measures/" + other + "/reports")
            .then().statusCode(201).extract().path("id");
    Map<String, Object> before = Db.snapshot();

    as("reporter-gat").get("/api/v1/measures/" + other).then().statusCode(404);
    as("reporter-gat").body("{\"progress\":50,\"publicSummary\":\"x\"}").post("/api/v1/measures/" + other + "/reports").then().statusCode(404);
    as("reporter-gat").post("/api/v1/measures/" + other + "/claim-done").then().statusCode(404);
    as("reporter-gat").get("/api/v1/measures/" + other + "/reports").then().statusCode(404);
    as("reporter-gat").get("/api/v1/reports/" + report).then().statusCode(404);
    as("reporter-gat").post("/api/v1/reports/" + report + "/accept").then().statusCode(403);
    as("reporter-fy").post("/api/v1/reports/" + report + "/accept").then().statusCode(403);
    as("reporter-fy").header("If-Match", etag).body("{\"title\":\"x\"}").patch("/api/v1/measures/" + other).then().statusCode(403);
    as("reporter-fy").body("{\"reason\":\"x\"}").post("/api/v1/measures/" + other + "/reopen").then().statusCode(403);
    as("reporter-fy").body(Api.measureJson(Api.newCode(), "fy", "[]")).post("/api/v1/measures").then().statusCode(403);
    as("leader").body("{\"progress\":50,\"publicSummary\":\"x\"}").post("/api/v1/measures/" + other + "/reports").then().statusCode(403);
    as("auditor").get("/api/v1/measures/" + other).then().statusCode(403);
    as("admin").body("{\"progress\":50,\"publicSummary\":\"x\"}").post("/api/v1/measures/" + other + "/reports").then().statusCode(403);
    as("office").get("/api/v1/users").then().statusCode(403);

    assertThat(Db.snapshot()).isEqualTo(before);
  }

  @Test
  void aCoUnitReporterMayReportButNotClaimDone() {
    String code = Api.createMeasure("sft", "jcy");
    as("reporter-jcy").body("{\"progress\":20,\"publicSummary\":\"配合推进\"}").post("/api/v1/measures/" + code + "/reports").then().statusCode(201);
    as("reporter-jcy").post("/api/v1/measures/" + code + "/claim-done").then().statusCode(403);
    as("reporter-sft").post("/api/v1/measures/" + code + "/claim-done").then().statusCode(200);
  }

  @Test
  void reportersCannotMassAssignStatusProgressDeadlinesOrUnits() {
    String code = Api.createMeasure("fy");
    Map<String, Object> before = Db.snapshot();
    for (String body :
        List.of(
            "{\"progress\":10,\"publicSummary\":\"x\",\"status\":\"VERIFIED\"}",
            "{\"progress\":10,\"publicSummary\":\"x\",\"deadline\":\"2030-01-01\"}",
            "{\"progress\":10,\"publicSummary\":\"x\",\"unitCode\":\"gat\"}",
            "{\"progress\":10,\"publicSummary\":\"x\",\"state\":\"ACCEPTED\"}",
            "{\"progress\":10,\"publicSummary\":\"x\",\"light\":\"GREEN\"}")) {
      as("reporter-fy").body(body).post("/api/v1/measures/" + code + "/reports").then().statusCode(400);
    }
    assertThat(Db.snapshot()).isEqualTo(before);
  }
}

package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duban.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Every operation of /q/openapi, called as anonymous, as each role, and as a reporter of another
 * unit, against the table below. An operation missing from the table fails the build: no endpoint
 * ships without a decision. "Allowed" means the answer is neither 401 nor 403 (it may be 400 for
 * the empty body this test sends, or 404, 409, 428); "denied" means 401 for anonymous and 403 for a
 * signed-in role. Measure-scoped operations a reporter may use answer 404 to a reporter of another
 * unit (it may not see the measure), and nothing is written.
 */
@QuarkusTest
class AuthorizationMatrixTest {

  static final String PUBLIC = "*";
  static final List<String> ROLES = List.of("admin", "security", "office", "leader", "reporter-fy", "auditor");
  static final String[] EVERYONE_SIGNED_IN = {"admin", "security", "office", "leader", "reporter-fy", "auditor"};

  /** Operation → the users allowed ("*" = everyone, also anonymous). */
  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    Set<String> staffRead = Set.of("admin", "office", "leader", "reporter-fy");
    allow("GET /api/v1/public/measures", PUBLIC);
    allow("GET /api/v1/public/measures/{code}", PUBLIC);
    allow("GET /api/v1/public/measures/{code}/timeline", PUBLIC);
    allow("GET /api/v1/public/summary", PUBLIC);
    allow("GET /api/v1/public/rules", PUBLIC);
    allow("GET /api/v1/public/feed.atom", PUBLIC);
    allow("GET /api/v1/public/measures.csv", PUBLIC);
    allow("GET /api/v1/public/measures/{code}/tasks", PUBLIC); // public side: cities and tasks (issue 14)
    allow("GET /api/v1/public/regions/{code}", PUBLIC);
    ALLOWED.put("GET /api/v1/measures", staffRead);
    ALLOWED.put("GET /api/v1/measures/{code}", staffRead);
    allow("POST /api/v1/measures", "office");
    allow("PATCH /api/v1/measures/{code}", "office");
    allow("POST /api/v1/measures/{code}/postponements", "office");
    allow("POST /api/v1/measures/{code}/claim-done", "reporter-fy");
    allow("POST /api/v1/measures/{code}/verify", "office");
    allow("POST /api/v1/measures/{code}/reopen", "office");
    allow("POST /api/v1/measures/{code}/suspend", "office");
    allow("POST /api/v1/measures/{code}/resume", "office");
    allow("GET /api/v1/measures/{code}/journal", "office", "auditor");
    allow("POST /api/v1/measures/{code}/reports", "reporter-fy", "office");
    allow("GET /api/v1/measures/{code}/reports", "office", "leader", "reporter-fy");
    allow("GET /api/v1/measures/{code}/notices", "office");
    allow("GET /api/v1/reports", "office", "leader", "reporter-fy");
    allow("GET /api/v1/reports/{id}", "office", "leader", "reporter-fy");
    allow("POST /api/v1/reports/{id}/accept", "office");
    allow("POST /api/v1/reports/{id}/return", "office");
    allow("POST /api/v1/measures/import", "office");
    allow("GET /api/v1/measures/export.csv", "office");
    allow("GET /api/v1/measures/export.xlsx", "office");
    allow("POST /api/v1/scans", "office", "admin");
    allow("GET /api/v1/scans", "office", "admin");
    allow("GET /api/v1/notices", "office");
    allow("POST /api/v1/notices/{id}/retry", "office");
    allow("GET /api/v1/dashboard", "leader", "office");
    allow("GET /api/v1/overdue", "leader", "office");
    allow("GET /api/v1/overdue.csv", "leader", "office");
    allow("GET /api/v1/overdue.xlsx", "leader", "office");
    allow("GET /api/v1/ledger.xlsx", "leader", "office");
    allow("GET /api/v1/public/audit-checkpoints", PUBLIC);
    // accounts: the system administrator keeps business accounts, the security administrator the
    // privileged ones and the locks (which kind of account each may touch: SeparationOfDutiesTest)
    allow("GET /api/v1/users", "admin", "security");
    allow("POST /api/v1/users", "admin", "security");
    allow("GET /api/v1/users/{username}", "admin", "security");
    allow("POST /api/v1/users/{username}/lock", "security");
    allow("POST /api/v1/users/{username}/unlock", "security");
    allow("DELETE /api/v1/users/{username}/totp", "admin"); // {username} is leader: a business account
    allow("GET /api/v1/units", "admin");
    allow("GET /api/v1/units/{code}", "admin");
    allow("POST /api/v1/units", "admin");
    allow("PATCH /api/v1/units/{code}", "admin"); // admin-pages: a unit's name and contact address
    allow("POST /api/v1/units/import", "admin"); // admin-pages: CSV import
    allow("POST /api/v1/users/import", "admin", "security"); // admin-pages: CSV import (each only the kinds it keeps)
    allow("POST /api/v1/users/{username}/password", "admin", "security"); // the empty body is refused before the kind is
    allow("POST /api/v1/me/password", EVERYONE_SIGNED_IN);
    allow("POST /api/v1/me/totp", EVERYONE_SIGNED_IN);
    allow("POST /api/v1/me/totp/confirm", EVERYONE_SIGNED_IN);
    allow("GET /api/v1/me/tokens", EVERYONE_SIGNED_IN);
    allow("POST /api/v1/me/tokens", EVERYONE_SIGNED_IN);
    allow("DELETE /api/v1/me/tokens/{id}", EVERYONE_SIGNED_IN);
    // tasks-ui (issue 14): the tasks sheet
    allow("POST /api/v1/tasks/import", "office");
    allow("GET /api/v1/tasks/export.csv", "office");
    allow("GET /api/v1/tasks/export.xlsx", "office");
    // local tasks (issue 14): for {taskCode} operations "reporter-fy" stands for the reporter of the
    // task's own (city) unit, made by the test; region scope itself: TaskTest
    ALLOWED.put("GET /api/v1/measures/{code}/tasks", staffRead);
    allow("POST /api/v1/measures/{code}/tasks", "office");
    ALLOWED.put("GET /api/v1/tasks", staffRead);
    ALLOWED.put("GET /api/v1/tasks/{taskCode}", staffRead);
    allow("PATCH /api/v1/tasks/{taskCode}", "office");
    allow("POST /api/v1/tasks/{taskCode}/postponements", "office");
    allow("POST /api/v1/tasks/{taskCode}/claim-done", "reporter-fy");
    allow("POST /api/v1/tasks/{taskCode}/verify", "office");
    allow("POST /api/v1/tasks/{taskCode}/reopen", "office");
    allow("GET /api/v1/tasks/{taskCode}/journal", "office", "auditor");
    allow("POST /api/v1/tasks/{taskCode}/reports", "reporter-fy", "office");
    allow("GET /api/v1/tasks/{taskCode}/reports", "office", "leader", "reporter-fy");
    allow("GET /api/v1/audit", "auditor");
    allow("GET /api/v1/audit/verify", "auditor");
    // regions (issue 14): every staff account reads the tree ({code} is a measure's: 404), the system administrator imports it
    allow("GET /api/v1/regions", EVERYONE_SIGNED_IN);
    allow("GET /api/v1/regions/{code}", EVERYONE_SIGNED_IN);
    allow("POST /api/v1/regions/import", "admin");
    // supervision (issue 15): guidance groups, inspections, visits, rectification items, contact leaders, a leader's desk
    allow("GET /api/v1/groups", "office", "leader");
    allow("POST /api/v1/groups", "office");
    allow("GET /api/v1/groups/{id}", "office", "leader");
    allow("PUT /api/v1/groups/{id}", "office");
    allow("GET /api/v1/inspections", "office", "leader", "reporter-fy");
    allow("POST /api/v1/inspections", "office", "leader");
    allow("GET /api/v1/inspections/{id}", "office", "leader", "reporter-fy");
    allow("GET /api/v1/visits", "office", "leader");
    allow("POST /api/v1/visits", "office", "leader");
    allow("GET /api/v1/visits/{id}", "office", "leader");
    allow("GET /api/v1/rectifications", "office", "leader", "reporter-fy");
    allow("POST /api/v1/rectifications", "office");
    allow("GET /api/v1/rectifications/{id}", "office", "leader", "reporter-fy");
    allow("POST /api/v1/rectifications/{id}/claim-done", "reporter-fy");
    allow("POST /api/v1/rectifications/{id}/verify", "office");
    allow("POST /api/v1/rectifications/{id}/reopen", "office");
    allow("POST /api/v1/rectifications/{id}/postponements", "office");
    allow("GET /api/v1/rectifications/{id}/journal", "office", "auditor");
    allow("POST /api/v1/rectifications/{id}/reports", "reporter-fy", "office");
    allow("GET /api/v1/rectifications/{id}/reports", "office", "leader", "reporter-fy");
    allow("GET /api/v1/measures/{code}/contact-leaders", "office", "leader", "reporter-fy");
    allow("PUT /api/v1/measures/{code}/contact-leaders", "office");
    allow("GET /api/v1/tasks/{taskCode}/contact-leaders", "office", "leader", "reporter-fy");
    allow("PUT /api/v1/tasks/{taskCode}/contact-leaders", "office");
    allow("GET /api/v1/me/desk", "leader");
    allow("GET /api/v1/bulletins", "office", "leader");
    allow("GET /api/v1/bulletins/{round}.docx", "office", "leader");
    // evidence files (issue 15): who reads the report reads its files; scope itself: EvidenceFilesTest
    allow("POST /api/v1/reports/{id}/files", "office", "reporter-fy");
    allow("GET /api/v1/reports/{id}/files", "office", "leader", "reporter-fy");
    allow("GET /api/v1/files/{id}", "office", "leader", "reporter-fy");
    allow("GET /api/v1/files/{id}/meta", "office", "leader", "reporter-fy");
    allow("PATCH /api/v1/files/{id}", "office");
    allow("DELETE /api/v1/files/{id}", "office", "reporter-fy");
    allow("GET /api/v1/public/files/{id}", PUBLIC);
    allow("POST /api/v1/visits/{id}/files", "office", "leader");
    allow("GET /api/v1/visits/{id}/files", "office", "leader");
    allow("POST /api/v1/inspections/{id}/files", "office", "leader");
    allow("GET /api/v1/inspections/{id}/files", "office", "leader", "reporter-fy");
    allow("POST /api/v1/rectifications/{id}/files", "office", "reporter-fy");
    allow("GET /api/v1/rectifications/{id}/files", "office", "leader", "reporter-fy");
  }

  /** Operations that really act when allowed: only their refusals are exercised here. */
  static final Set<String> REFUSALS_ONLY = Set.of(
      "POST /api/v1/scans"); // a real scan at today's date would close every dispatch round up to now

  static void allow(String op, String... users) {
    ALLOWED.put(op, Set.of(users));
  }

  @Test
  void everyOperationAnswersEachCallerAsTheTableSays() {
    String code = Api.createMeasure("fy"); // lead unit fy: reporter-fy's; reporter-gat is of another unit
    int report = as("reporter-fy").body("{\"progress\":10,\"publicSummary\":\"矩阵\"}").post("/api/v1/measures/" + code + "/reports")
        .then().statusCode(201).extract().path("id");
    String cityUnit = "mx" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    org.duban.support.Db.exec("insert into unit (code, name, region_code, created_at) values (?, '矩阵市单位', '370300', now())", cityUnit);
    String cityReporter = org.duban.support.Accounts.reporter(cityUnit);
    String task = as("office").body("{\"region\":\"370300\",\"unit\":\"" + cityUnit + "\",\"deadline\":\"2021-11-30\"}")
        .post("/api/v1/measures/" + code + "/tasks").then().statusCode(201).extract().path("code");
    Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
    Set<String> operations = new TreeSet<>();
    paths.forEach((path, ops) -> ops.keySet().stream().filter(m -> !m.equals("parameters")).forEach(m -> operations.add(m.toUpperCase() + " " + path)));

    Set<String> undecided = new TreeSet<>(operations);
    undecided.removeAll(ALLOWED.keySet());
    assertThat(undecided).as("operations without a decision in this table").isEmpty();
    Set<String> gone = new TreeSet<>(ALLOWED.keySet());
    gone.removeAll(operations);
    assertThat(gone).as("decisions for operations that no longer exist").isEmpty();

    List<String> wrong = new ArrayList<>();
    for (String op : operations) {
      String method = op.substring(0, op.indexOf(' '));
      String path = op.substring(op.indexOf(' ') + 1).replace("{code}", code).replace("{id}", String.valueOf(report)).replace("{username}", "leader")
          .replace("{taskCode}", task).replace("{round}", "2021-06");
      Set<String> allowed = ALLOWED.get(op);
      // anonymous
      int anon = call(given(), method, path);
      if (allowed.contains(PUBLIC) ? (anon == 401 || anon == 403) : anon != 401) {
        wrong.add(op + " anonymous: " + anon);
      }
      if (allowed.contains(PUBLIC)) {
        continue;
      }
      for (String user : ROLES) {
        boolean may = allowed.contains(user);
        if (may && REFUSALS_ONLY.contains(op)) {
          continue;
        }
        int status = call(as(user.equals("reporter-fy") && op.contains("{taskCode}") ? cityReporter : user), method, path);
        if (may ? (status == 401 || status == 403) : status != 403) {
          wrong.add(op + " as " + user + ": " + status + (may ? " (should be allowed)" : " (should be 403)"));
        }
      }
      // a reporter of another unit: refused, or the measure (or its report) is not there for it
      if (allowed.contains("reporter-fy") && (op.contains("{code}") || op.contains("{id}"))) {
        int other = op.startsWith("POST ") && op.endsWith("/reports")
            // a valid report, so that the answer is about scope, not about the body
            ? as("reporter-gat").body("{\"progress\":10,\"publicSummary\":\"越权\"}").post(path).statusCode()
            : call(as("reporter-gat"), method, path);
        if (other != 404 && other != 403) {
          wrong.add(op + " as reporter-gat (another unit): " + other);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aReporterCannotSetStatusDeadlinesUnitsOrLightsThroughAnyField() {
    String code = Api.createMeasure("fy");
    for (String body : List.of(
        "{\"progress\":10,\"publicSummary\":\"x\",\"status\":\"VERIFIED\"}",
        "{\"progress\":10,\"publicSummary\":\"x\",\"deadline\":\"2030-01-01\"}",
        "{\"progress\":10,\"publicSummary\":\"x\",\"light\":\"GREEN\"}",
        "{\"progress\":10,\"publicSummary\":\"x\",\"unit\":\"gat\"}",
        "{\"progress\":10,\"publicSummary\":\"x\",\"leadUnit\":\"gat\"}")) {
      as("reporter-fy").body(body).post("/api/v1/measures/" + code + "/reports").then().statusCode(400);
    }
    String etag = as("reporter-fy").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("reporter-fy").header("If-Match", etag).body("{\"status\":\"VERIFIED\"}").patch("/api/v1/measures/" + code).then().statusCode(403);
    var m = as("office").get("/api/v1/measures/" + code).then().extract().jsonPath();
    assertThat(m.getString("status")).isEqualTo("NOT_STARTED");
    assertThat(m.getString("deadline")).isEqualTo("2021-12-31");
    assertThat(m.getString("leadUnit.code")).isEqualTo("fy");
  }

  static int call(RequestSpecification spec, String method, String path) {
    RequestSpecification r = spec.redirects().follow(false);
    return switch (method) {
      case "GET" -> r.get(path).statusCode();
      // the import takes files: with JSON it would answer 415 before anyone is asked who they are
      // an evidence upload takes a multipart form (X-Requested-By: a form-like write with Basic needs it)
      case "POST" -> path.endsWith("/files")
          ? r.header("X-Requested-By", "matrix").contentType("multipart/form-data").multiPart("file", "m.pdf", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "application/pdf").post(path).statusCode()
          : path.endsWith("/import")
          ? r.contentType("text/csv").body("编号\r\n").post(path).statusCode()
          : r.contentType("application/json").body("{}").post(path).statusCode();
      case "PATCH" -> r.contentType("application/json").body("{}").patch(path).statusCode();
      case "PUT" -> r.contentType("application/json").body("{}").put(path).statusCode();
      case "DELETE" -> r.delete(path).statusCode();
      default -> throw new IllegalArgumentException(method);
    };
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duban.support.Api;
import org.junit.jupiter.api.Test;

/** No lost update: of 20 PATCHes sent at once with the same If-Match, exactly one wins. */
@QuarkusTest
class ConcurrentPatchTest {

  @Test
  void twentyConcurrentPatchesWithOneETagGiveOneWinnerAndNineteen412s() throws Exception {
    String code = Api.createMeasure("jcy");
    String etag = as("office").get("/api/v1/measures/" + code).then().statusCode(200).extract().header("ETag");
    int n = 20;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String title = "并发标题-" + i;
      Callable<Response> call =
          () -> {
            start.await();
            return as("office").header("If-Match", etag).body("{\"title\":\"" + title + "\"}").patch("/api/v1/measures/" + code);
          };
      futures.add(pool.submit(call));
    }
    start.countDown();
    List<Response> responses = new ArrayList<>();
    for (Future<Response> f : futures) {
      responses.add(f.get());
    }
    pool.shutdown();

    List<Response> winners = responses.stream().filter(r -> r.statusCode() == 200).toList();
    assertThat(winners).hasSize(1);
    assertThat(responses.stream().filter(r -> r.statusCode() == 412)).hasSize(n - 1);
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 412));
    String winner = winners.get(0).jsonPath().getString("title");
    assertThat(winners.get(0).header("ETag")).isNotEqualTo(etag);

    List<Map<String, Object>> titleChanges =
        as("office").get("/api/v1/measures/" + code + "/journal?size=100").then().extract().jsonPath()
            .<Map<String, Object>>getList("items").stream()
            .filter(e -> "UPDATE".equals(e.get("action")))
            .toList();
    assertThat(titleChanges).hasSize(1);
    assertThat(titleChanges.get(0).get("field")).isEqualTo("title");
    assertThat(titleChanges.get(0).get("newValue")).isEqualTo(winner);
    assertThat(as("office").get("/api/v1/measures/" + code).then().extract().jsonPath().getString("title")).isEqualTo(winner);
  }

  @Test
  void withoutIfMatch428AndWithAStaleOne412AndNothingChanges() {
    String code = Api.createMeasure("jcy");
    String etag = as("office").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("office").body("{\"title\":\"A\"}").patch("/api/v1/measures/" + code).then().statusCode(428).contentType("application/problem+json");
    as("office").header("If-Match", etag).body("{\"title\":\"B\"}").patch("/api/v1/measures/" + code).then().statusCode(200);
    as("office").header("If-Match", etag).body("{\"title\":\"C\"}").patch("/api/v1/measures/" + code).then().statusCode(412).contentType("application/problem+json");
    String current = as("office").get("/api/v1/measures/" + code).then().extract().header("ETag");
    as("office").header("If-Match", "W/" + current).body("{\"title\":\"D\"}").patch("/api/v1/measures/" + code).then().statusCode(412);
    assertThat(as("office").get("/api/v1/measures/" + code).then().extract().jsonPath().getString("title")).isEqualTo("B");
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.anonymous;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/** Public answers carry strong ETags, answer 304 when unchanged, and follow every change. */
@QuarkusTest
class PublicCacheTest {

  @Test
  void anUnchangedMeasureIs304AndAChangeIsSeenAtOnce() {
    String code = Api.createMeasure("jcy");
    String url = "/api/v1/public/measures/" + code;
    Response first = anonymous().get(url);
    first.then().statusCode(200);
    String etag = first.header("ETag");
    assertThat(etag).startsWith("\"").doesNotStartWith("W/");
    assertThat(first.header("Cache-Control")).contains("public").contains("max-age=");
    // the same again: 304 with no body
    Response again = anonymous().header("If-None-Match", etag).get(url);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.asByteArray()).isEmpty();
    assertThat(again.header("ETag")).isEqualTo(etag);
    // a change through the API: the next read is the new state, with a new ETag
    as("office").body("{\"newDeadline\":\"2022-09-30\",\"reason\":\"调整\"}").post("/api/v1/measures/" + code + "/postponements").then().statusCode(200);
    Response changed = anonymous().header("If-None-Match", etag).get(url);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.jsonPath().getString("deadline")).isEqualTo("2022-09-30");
    assertThat(changed.header("ETag")).isNotEqualTo(etag);
    // lists and the summary follow too
    long total = anonymous().get("/api/v1/public/summary").jsonPath().getLong("total");
    Api.createMeasure("jcy");
    assertThat(anonymous().get("/api/v1/public/summary").jsonPath().getLong("total")).isEqualTo(total + 1);
  }

  @Test
  void aChangeMadeBesideThisInstanceIsSeenWithinASecond() throws Exception {
    String code = Api.createMeasure("jcy");
    String url = "/api/v1/public/measures/" + code;
    assertThat(anonymous().get(url).jsonPath().getString("title")).startsWith("测试事项");
    // as another replica would: straight into the database
    try (var c = Db.connect(); var st = c.prepareStatement("update measure set title = '另一实例改的标题' where code = ?")) {
      st.setString(1, code);
      st.executeUpdate();
    }
    long deadline = System.nanoTime() + 3_000_000_000L;
    String title;
    do {
      title = anonymous().get(url).jsonPath().getString("title");
    } while (!title.equals("另一实例改的标题") && System.nanoTime() < deadline);
    assertThat(title).isEqualTo("另一实例改的标题");
  }

  @Test
  void qFindsAnyChineseSubstringOfTheTitleThroughTheNgramIndex() throws Exception {
    assertThat(anonymous().get("/api/v1/public/measures?q=执行&size=100").jsonPath().getList("items.code", String.class)).contains("J04");
    assertThat(anonymous().get("/api/v1/public/measures?q=执&size=100").jsonPath().getList("items.code", String.class)).contains("J04");
    assertThat(anonymous().get("/api/v1/public/measures?q=执行难&size=100").jsonPath().getList("items.code", String.class)).contains("J04");
    assertThat(anonymous().get("/api/v1/public/measures?q=行执").jsonPath().getLong("total")).isZero();
    assertThat(anonymous().get("/api/v1/public/measures?q=100%25").jsonPath().getLong("total")).isZero();
    // the shape of the query can use the GIN index (the planner picks it once the table is large)
    try (var c = Db.connect(); var st = c.createStatement()) {
      st.execute("set enable_seqscan = off");
      var rs = st.executeQuery("explain select id from measure where duban_title_match(title_grams, '执行') = true and lower(title) like '%执行%'");
      StringBuilder plan = new StringBuilder();
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
      assertThat(plan.toString()).contains("measure_title_grams_idx");
    }
  }

  @Test
  void anUnknownMeasureIs404AndBadInputIs400BehindTheCache() {
    anonymous().get("/api/v1/public/measures/NO-SUCH").then().statusCode(404).contentType("application/problem+json");
    anonymous().get("/api/v1/public/measures?size=101").then().statusCode(400);
    anonymous().get("/api/v1/public/measures?size=5").then().statusCode(200);
  }
}

package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/**
 * With checkpoints on a timer (as in production), the trail is anchored from the start, and a trail
 * whose checkpoints were all removed is not intact: removing the evidence is evidence.
 */
@QuarkusTest
@TestProfile(AuditAnchorTimingTest.Hourly.class)
class AuditAnchorTimingTest {

  public static class Hourly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("tracker.audit.checkpoint-every", "1h");
    }
  }

  @Test
  void theStartAnchorsTheTrailAndRemovingEveryCheckpointIsFound() throws Exception {
    assertThat(Db.scalar("select count(*) from audit_checkpoint")).as("a checkpoint at start").isPositive();
    Api.createMeasure("fy");
    assertThat(as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath().getBoolean("intact")).isTrue();
    // what the database's owner can do: switch the trigger off and delete every checkpoint
    try (Connection c = Db.connect(); Statement s = c.createStatement()) {
      s.execute("alter table audit_checkpoint disable trigger audit_checkpoint_append_only");
      s.execute("delete from audit_checkpoint");
      s.execute("alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
    }
    JsonPath v = as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    assertThat(v.getBoolean("intact")).isFalse();
    assertThat(v.getString("reason")).contains("no checkpoint anchors the trail");
  }
}

package org.duban;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duban.audit.AuditAnchor;
import org.duban.platform.EmbeddedDatabase;
import org.duban.support.Api;
import org.duban.support.Db;
import org.duban.support.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The audit trail survives its own database owner (issue 11, point 5): the app's login may only
 * read and append to the journal and the audit trail; TRUNCATE is refused on both; and a rewrite
 * by the owner, with every later SHA-256 recomputed, is found by the keyed checkpoints.
 */
@QuarkusTest
class AuditAnchorTest {

  @Inject
  AuditAnchor anchor;

  static Connection connectAs(String role) throws SQLException {
    return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), role, "trust");
  }

  static void refused(Connection c, String sql) {
    assertThatThrownBy(() -> {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }).as(sql).isInstanceOf(SQLException.class);
  }

  @Test
  void theAppsLoginMayOnlyReadAndAppendToTheJournalAndTheAuditTrail() throws SQLException {
    Api.createMeasure("fy"); // some journal and audit rows exist
    try (Connection app = connectAs(EmbeddedDatabase.APP)) {
      app.setAutoCommit(true);
      for (String table : new String[] {"audit_event", "journal_entry", "audit_checkpoint"}) {
        refused(app, "update " + table + " set id = id where id = (select min(id) from " + table + ")");
        refused(app, "delete from " + table + " where id = (select min(id) from " + table + ")");
        refused(app, "truncate " + table);
        refused(app, "alter table " + table + " disable trigger all");
      }
      refused(app, "drop function duban_audit_hash(text, bigint, timestamptz, text, text, text, text, text, text, text)");
      try (Statement s = app.createStatement(); var rs = s.executeQuery("select count(*) from audit_event")) {
        assertThat(rs.next()).isTrue(); // it may read
      }
    }
    // the owner may not truncate the journal either (the audit trail refused it already)
    try (Connection owner = connectAs(EmbeddedDatabase.OWNER)) {
      owner.setAutoCommit(false);
      refused(owner, "truncate journal_entry");
      owner.rollback();
    }
  }

  @Test
  void aRewriteWithEveryLaterHashRecomputedIsFoundByTheCheckpoints() throws SQLException {
    Api.createMeasure("fy");
    anchor.checkpoint();
    long first = Db.scalar("select max(last_event_id) from audit_checkpoint");
    Api.createMeasure("gat");
    long target = Db.scalar("select max(id) from audit_event");
    Api.createMeasure("sft");
    long secondId = anchor.checkpoint();
    long second = Db.scalar("select last_event_id from audit_checkpoint where id = ?", secondId);
    Api.createMeasure("jcy");
    anchor.checkpoint();
    assertThat(as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath().getBoolean("intact")).isTrue();

    String original;
    try (Connection owner = connectAs(EmbeddedDatabase.USER); Statement s = owner.createStatement()) {
      try (var rs = s.executeQuery("select coalesce(detail, '') from audit_event where id = " + target)) {
        rs.next();
        original = rs.getString(1);
      }
      try {
        rewrite(s, target, "'{\"field\":\"title\",\"old\":null,\"new\":\"被改写\"}'");
        JsonPath v = as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(v.getBoolean("intact")).isFalse();
        assertThat(v.getString("firstBrokenId")).as("the SHA-256 chain itself was recomputed: it holds").isNull();
        assertThat(v.getLong("brokenCheckpointId")).isEqualTo(secondId);
        assertThat(v.getLong("brokenAfterId")).isEqualTo(first);
        assertThat(v.getLong("brokenThroughId")).isEqualTo(second);
        assertThat(v.getString("reason")).contains("rows after " + first + " up to " + second);
        assertThat(target).isGreaterThan(first).isLessThanOrEqualTo(second);
      } finally {
        // put the row back as it was: the same hashes come back, and every checkpoint matches again
        rewrite(s, target, original.isEmpty() ? "null" : "'" + original.replace("'", "''") + "'");
      }
    }
    assertThat(as("auditor").get("/api/v1/audit/verify").then().extract().jsonPath().getBoolean("intact")).isTrue();
  }

  /** What a database owner can do: switch the triggers off, rewrite a row, recompute every hash from it on. */
  static void rewrite(Statement s, long id, String detailSql) throws SQLException {
    s.execute("set session_replication_role = replica");
    s.execute("update audit_event set detail = " + detailSql + " where id = " + id);
    s.execute("""
        do $$
        declare r record; prev text;
        begin
          select hash into prev from audit_event where id < %d order by id desc limit 1;
          for r in select * from audit_event where id >= %d order by id loop
            update audit_event set prev_hash = coalesce(prev, repeat('0', 64)),
              hash = duban_audit_hash(coalesce(prev, repeat('0', 64)), r.id, r.at, r.actor, r.role, r.client_ip, r.action, r.target, r.result, r.detail)
              where id = r.id returning hash into prev;
          end loop;
        end $$""".formatted(id, id));
    s.execute("set session_replication_role = origin");
  }

  @Test
  void theJavaHashIsTheTwinOfTheSqlFunctionTheTriggerUses() throws SQLException {
    Api.createMeasure("fy");
    try (Connection c = connectAs(EmbeddedDatabase.USER); Statement s = c.createStatement();
        var rs = s.executeQuery("select id, at, actor, role, client_ip, action, target, result, detail, prev_hash, hash,"
            + " duban_audit_hash(prev_hash, id, at, actor, role, client_ip, action, target, result, detail) as sql_hash"
            + " from audit_event order by id desc limit 300")) {
      int n = 0;
      while (rs.next()) {
        String java = org.duban.audit.AuditHash.of(rs.getString("prev_hash"), rs.getLong("id"),
            rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("role"),
            rs.getString("client_ip"), rs.getString("action"), rs.getString("target"), rs.getString("result"), rs.getString("detail"));
        assertThat(java).as("row " + rs.getLong("id")).isEqualTo(rs.getString("sql_hash")).isEqualTo(rs.getString("hash"));
        n++;
      }
      assertThat(n).isPositive();
    }
  }

  @Test
  void anOwnerWhoRedefinesTheHashFunctionProvesNothing() throws SQLException {
    Api.createMeasure("fy");
    long target = Db.scalar("select max(id) from audit_event where action = 'WRITE'");
    String stored = Db.text("select hash from audit_event where id = ?", target);
    String original = Db.text("select coalesce(detail, '') from audit_event where id = ?", target);
    try (Connection owner = connectAs(EmbeddedDatabase.USER); Statement s = owner.createStatement()) {
      String definition;
      try (var rs = s.executeQuery("select pg_get_functiondef('duban_audit_hash'::regproc)")) {
        rs.next();
        definition = rs.getString(1);
      }
      try {
        // the row is rewritten, its stored hash kept, and the function made to agree with it
        s.execute("alter table audit_event disable trigger audit_event_append_only");
        s.execute("update audit_event set detail = '{\"field\":\"title\",\"new\":\"改写\"}' where id = " + target);
        s.execute("alter table audit_event enable trigger audit_event_append_only");
        s.execute("create or replace function duban_audit_hash(p_prev text, p_id bigint, p_at timestamptz, p_actor text,"
            + " p_role text, p_ip text, p_action text, p_target text, p_result text, p_detail text) returns text language sql immutable as $$"
            + " select case when p_id = " + target + " then '" + stored + "' else encode(sha256(convert_to(concat_ws(chr(31), p_prev,"
            + " p_id::text, to_char(p_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), p_actor, coalesce(p_role, ''),"
            + " coalesce(p_ip, ''), p_action, p_target, p_result, coalesce(p_detail, '')), 'UTF8')), 'hex') end $$");
        var v = as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(v.getBoolean("intact")).isFalse();
        assertThat(v.getLong("firstBrokenId")).isEqualTo(target);
      } finally {
        s.execute(definition);
        s.execute("alter table audit_event disable trigger audit_event_append_only");
        s.execute("update audit_event set detail = " + (original.isEmpty() ? "null" : "'" + original.replace("'", "''") + "'")
            + " where id = " + target);
        s.execute("alter table audit_event enable trigger audit_event_append_only");
      }
    }
    assertThat(as("auditor").get("/api/v1/audit/verify").then().extract().jsonPath().getBoolean("intact")).isTrue();
  }

  @Test
  void eachDaysLastCheckpointIsPublished() {
    Api.createMeasure("fy");
    long id = anchor.checkpoint();
    String head = Db.text("select head_hash from audit_checkpoint where id = ?", id);
    JsonPath p = given().get("/api/v1/public/audit-checkpoints").then().statusCode(200).extract().jsonPath();
    assertThat(p.getString("[0].headHash")).isEqualTo(head);
    assertThat(p.getString("[0].mac")).hasSize(64);
    assertThat(p.getString("[0].date")).matches("\\d{4}-\\d{2}-\\d{2}");
    given().get("/api/v1/public/audit-checkpoints?days=0").then().statusCode(400);
    // and the latest is in the published rules too (cached like them: at most max-age old)
    assertThat(given().get("/api/v1/public/rules").then().statusCode(200).extract().jsonPath().getString("auditAnchor.headHash")).hasSize(64);
  }
}

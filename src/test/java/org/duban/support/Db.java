package org.duban.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Direct reads of the test database, to check what a request did or did not write. */
public final class Db {
  private static final String[] TABLES = {
    "unit", "app_user", "measure", "measure_co_unit", "milestone", "target", "progress_report",
    "postponement", "public_event", "journal_entry"
  };

  private Db() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "");
  }

  /** Row counts of every table, plus a checksum of the measures' editable columns. */
  public static Map<String, Object> snapshot() {
    Map<String, Object> counts = new LinkedHashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select md5(string_agg(concat_ws('|', code, title, summary, status, progress,"
                  + " current_deadline, lead_unit_code, version), ',' order by code)) from measure")) {
        rs.next();
        counts.put("measure-state", rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  public static String text(String sql, Object... args) {
    try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement (test set-up the API has no verb for); answers the rows it changed. */
  public static int exec(String sql, Object... args) {
    try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long scalar(String sql, Object... args) {
    try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

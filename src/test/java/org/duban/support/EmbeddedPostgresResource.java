package org.duban.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.duban.platform.EmbeddedDatabase;

/** One real PostgreSQL per test JVM, shared by every test class. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedDatabase database;

  static synchronized EmbeddedDatabase database() {
    if (database == null) {
      try {
        Path dir = Files.createTempDirectory("duban-test-pg");
        database = EmbeddedDatabase.start(dir, true);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return database;
  }

  @Override
  public Map<String, String> start() {
    EmbeddedDatabase db = database();
    // as in embedded mode: the app connects as a role that may only append to the journal and the
    // audit trail; the migrations run as the schema's owner
    return Map.of(
        "quarkus.datasource.jdbc.url", db.jdbcUrl(),
        "quarkus.datasource.username", EmbeddedDatabase.APP,
        "quarkus.datasource.password", "",
        "quarkus.flyway.username", EmbeddedDatabase.OWNER,
        "quarkus.flyway.password", "trust"); // not checked: the local server trusts local connections
  }

  @Override
  public void stop() {
    // kept for the whole JVM: closed by the shutdown hook
  }

  public static String jdbcUrl() {
    return database().jdbcUrl();
  }
}

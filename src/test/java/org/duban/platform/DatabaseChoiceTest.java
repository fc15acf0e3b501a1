package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.duban.platform.DubanMain.DatabaseChoice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Where the database comes from: an external URL always wins; no URL and no switch refuses. */
@Tag("unit")
class DatabaseChoiceTest {

  @Test
  void anExternalUrlAlwaysWins() {
    assertThat(DatabaseChoice.from(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/x", "TRACKER_EMBEDDED_DB", "true"), new Properties()))
        .isEqualTo(DatabaseChoice.EXTERNAL);
    Properties props = new Properties();
    props.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x");
    assertThat(DatabaseChoice.from(Map.of(), props)).isEqualTo(DatabaseChoice.EXTERNAL);
  }

  @Test
  void theEmbeddedDatabaseOnlyOnTheExplicitSwitch() {
    assertThat(DatabaseChoice.from(Map.of("TRACKER_EMBEDDED_DB", "true"), new Properties())).isEqualTo(DatabaseChoice.EMBEDDED);
    assertThat(DatabaseChoice.from(Map.of("TRACKER_EMBEDDED_DB", "false"), new Properties())).isEqualTo(DatabaseChoice.NONE);
    assertThat(DatabaseChoice.from(Map.of(), new Properties())).isEqualTo(DatabaseChoice.NONE);
    assertThat(DatabaseChoice.from(Map.of("QUARKUS_DATASOURCE_JDBC_URL", " "), new Properties())).isEqualTo(DatabaseChoice.NONE);
  }

  @Test
  void theDataStaysUnderTheProjectFolderUnlessToldOtherwise() {
    assertThat(DatabaseChoice.embeddedDirectory(Map.of(), new Properties())).isEqualTo(Path.of("data/postgres"));
    assertThat(DatabaseChoice.embeddedDirectory(Map.of("TRACKER_EMBEDDED_DB_DIR", "/srv/pg"), new Properties())).isEqualTo(Path.of("/srv/pg"));
  }

  @Test
  void theRefusalIsOneSentenceNamingWhatToSet() {
    assertThat(DubanMain.NO_DATABASE).contains("QUARKUS_DATASOURCE_JDBC_URL").contains("TRACKER_EMBEDDED_DB=true");
    assertThat(DubanMain.NO_DATABASE.split("\\. ")).hasSize(1);
  }
}

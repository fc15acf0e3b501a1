package org.duban.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.duban.platform.TrackerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says where the service listens and, in demo mode, which accounts to sign in with. */
@ApplicationScoped
public class ReadyBanner {

  private static final Logger LOG = Logger.getLogger(ReadyBanner.class);

  private final TrackerConfig config;
  private final UnitService units;
  private final int port;
  private final int managementPort;

  public ReadyBanner(
      TrackerConfig config, UnitService units, @ConfigProperty(name = "quarkus.http.port") int port,
      @ConfigProperty(name = "quarkus.management.port", defaultValue = "9000") int managementPort) {
    this.config = config;
    this.units = units;
    this.port = port;
    this.managementPort = managementPort;
  }

  void onStart(@Observes @Priority(100) StartupEvent event) {
    String base = "http://localhost:" + port;
    StringBuilder text = new StringBuilder();
    String management = "http://localhost:" + managementPort;
    text.append("\n  Duban is up: ").append(base).append("/  (API ").append(base).append("/api/v1; health, metrics and Swagger UI on ")
        .append(management).append("/q/swagger-ui)");
    if (config.demo().enabled()) {
      List<String> reporters = units.unitCodes().stream().map(u -> "reporter-" + u).toList();
      text.append("\n  Demo accounts, all with the password in TRACKER_DEMO_PASSWORD:")
          .append("\n    office (OFFICE), leader (LEADER), auditor (AUDITOR)")
          .append(config.bootstrapAdminPassword().isEmpty() ? ", admin (ADMIN)" : "")
          .append(config.bootstrapSecurityPassword().isEmpty() ? ", security (SECURITY)" : "")
          .append("\n    ").append(String.join(", ", reporters)).append(" (REPORTER)")
          .append("\n  e.g. curl -u office:$TRACKER_DEMO_PASSWORD ").append(base).append("/api/v1/measures");
    }
    LOG.info(text);
  }
}

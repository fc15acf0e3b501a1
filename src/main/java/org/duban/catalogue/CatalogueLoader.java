package org.duban.catalogue;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import org.duban.measure.MeasureService;
import org.duban.platform.Actor;
import org.duban.platform.TrackerConfig;
import org.jboss.logging.Logger;

/** Loads the demo catalogue at start when the database has no measures (TRACKER_CATALOGUE_LOAD). */
@ApplicationScoped
public class CatalogueLoader {

  private static final Logger LOG = Logger.getLogger(CatalogueLoader.class);

  private final CatalogueService catalogue;
  private final MeasureService measures;
  private final TrackerConfig config;

  public CatalogueLoader(CatalogueService catalogue, MeasureService measures, TrackerConfig config) {
    this.catalogue = catalogue;
    this.measures = measures;
    this.config = config;
  }

  void onStart(@Observes @Priority(10) StartupEvent event) throws IOException {
    if (!config.catalogue().load() || measures.any()) {
      return;
    }
    String resource = config.catalogue().resource();
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The catalogue resource " + resource + " is missing.");
      }
      CatalogueService.Result result = catalogue.apply(catalogue.read(in), Actor.system("catalogue"));
      LOG.infof(
          "Loaded the catalogue %s: %d units and %d measures created",
          resource, result.unitsCreated(), result.measuresCreated());
    }
  }
}

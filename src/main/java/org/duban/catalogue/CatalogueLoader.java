package org.duban.catalogue;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import org.duban.platform.Actor;
import org.duban.platform.TrackerConfig;
import org.jboss.logging.Logger;

/** Loads the demo catalogue at start when the database has no measures (TRACKER_CATALOGUE_LOAD). */
@ApplicationScoped
public class CatalogueLoader {

  private static final Logger LOG = Logger.getLogger(CatalogueLoader.class);

  private final CatalogueService catalogue;
  private final CatalogueMeasures measures;
  private final TrackerConfig config;

  public CatalogueLoader(CatalogueService catalogue, CatalogueMeasures measures, TrackerConfig config) {
    this.catalogue = catalogue;
    this.measures = measures;
    this.config = config;
  }

  void onStart(@Observes @Priority(10) StartupEvent event) throws IOException {
    if (!config.catalogue().load() || measures.any()) {
      return;
    }
    String resource = config.catalogue().resource();
    Actor actor = Actor.system("catalogue");
    // The same path as POST /api/v1/measures/import: units first, then the file, all rows or none.
    int units = catalogue.ensureUnits(bytes(config.catalogue().unitsResource()), actor);
    CatalogueService.ImportResult result =
        catalogue.importFile(
            bytes(resource),
            resource.endsWith(".xlsx") ? CatalogueService.FileKind.XLSX : CatalogueService.FileKind.CSV,
            null,
            false,
            actor);
    LOG.infof("Loaded the catalogue %s: %d units and %d measures created", resource, units, result.created());
  }

  private static byte[] bytes(String resource) throws IOException {
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The catalogue resource " + resource + " is missing.");
      }
      return in.readAllBytes();
    }
  }
}

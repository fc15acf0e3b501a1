package org.duban.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.duban.identity.IdentityService;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.measure.MeasureService;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.PatchMeasureRequest;
import org.duban.platform.Actor;
import org.duban.platform.Precondition;

/**
 * Applies a catalogue: creates missing units, creates measures by code and updates the ones that
 * exist, all in one transaction (all rows or none). The demo catalogue loads through here, and the
 * import endpoint will too.
 */
@ApplicationScoped
public class CatalogueService {

  private final MeasureService measures;
  private final IdentityService identity;
  private final Validator validator;
  private final ObjectMapper json;

  public CatalogueService(
      MeasureService measures, IdentityService identity, Validator validator, ObjectMapper json) {
    this.measures = measures;
    this.identity = identity;
    this.validator = validator;
    this.json = json;
  }

  /** What applying a catalogue did. */
  public record Result(int unitsCreated, int measuresCreated, int measuresUpdated) {}

  public CatalogueDocument read(InputStream in) throws IOException {
    return json.readValue(in, CatalogueDocument.class);
  }

  @Transactional
  public Result apply(CatalogueDocument doc, Actor actor) {
    Set<ConstraintViolation<CatalogueDocument>> violations = validator.validate(doc);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    int units = 0;
    for (CreateUnitRequest u : doc.units()) {
      if (identity.ensureUnit(u.code(), u.name(), u.email(), actor)) {
        units++;
      }
    }
    int created = 0;
    int updated = 0;
    for (CreateMeasureRequest m : doc.measures()) {
      if (measures.exists(m.code())) {
        measures.update(m.code(), asPatch(m), Precondition.ifMatch("*"), actor);
        updated++;
      } else {
        measures.create(m, actor);
        created++;
      }
    }
    return new Result(units, created, updated);
  }

  private static PatchMeasureRequest asPatch(CreateMeasureRequest m) {
    return new PatchMeasureRequest(
        m.area(),
        m.title(),
        m.summary() == null ? "" : m.summary(),
        m.sourceQuote() == null ? "" : m.sourceQuote(),
        m.leadUnit(),
        m.coUnits() == null ? java.util.List.of() : m.coUnits(),
        m.startDate(),
        m.milestones() == null ? java.util.List.of() : m.milestones(),
        m.targets() == null ? java.util.List.of() : m.targets(),
        m.leadUnitInferred() == null ? Boolean.FALSE : m.leadUnitInferred(),
        m.assumptions() == null ? java.util.List.of() : m.assumptions(),
        m.notes() == null ? "" : m.notes());
  }
}

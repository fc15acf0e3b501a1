package org.duban.identity;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.duban.audit.Journal;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.identity.dto.UnitView;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;

/** The responsible units: list, one, create (the API, the catalogue's unit file), every change journaled. */
@ApplicationScoped
public class UnitService {

  private final UnitRepository units;
  private final Journal journal;
  private final Clock clock;

  public UnitService(UnitRepository units, Journal journal, Clock clock) {
    this.units = units;
    this.journal = journal;
    this.clock = clock;
  }

  @Transactional
  public List<UnitView> units() {
    return units.listAll(Sort.by("code")).stream().map(UnitView::of).toList();
  }

  @Transactional
  public UnitView unit(String code) {
    return units
        .findByIdOptional(code)
        .map(UnitView::of)
        .orElseThrow(() -> ProblemException.notFound("There is no unit " + code + "."));
  }

  @Transactional
  public UnitView createUnit(CreateUnitRequest r, Actor actor) {
    if (units.findByIdOptional(r.code()).isPresent()) {
      throw ProblemException.conflict("A unit with code " + r.code() + " exists already.");
    }
    Unit u = new Unit();
    u.code = r.code();
    u.name = r.name().trim();
    u.email = r.email() == null || r.email().isBlank() ? null : r.email().trim();
    u.createdAt = clock.instant();
    units.persist(u);
    var rec = journal.on(actor, null, "UNIT", u.code);
    rec.change("CREATE", "name", null, u.name);
    rec.change("CREATE", "email", null, u.email);
    return UnitView.of(u);
  }

  /** Changes a unit's name and contact address (the fields given); each change journaled. */
  @Transactional
  public UnitView updateUnit(String code, org.duban.identity.dto.UpdateUnitRequest r, Actor actor) {
    if (r.name() == null && r.email() == null) {
      throw ProblemException.invalid("name", "give name or email (or both)");
    }
    Unit u = units.findByIdOptional(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("There is no unit " + code + "."));
    var rec = journal.on(actor, null, "UNIT", u.code);
    if (r.name() != null && !r.name().strip().equals(u.name)) {
      rec.change("UPDATE", "name", u.name, r.name().strip());
      u.name = r.name().strip();
    }
    String email = r.email() == null ? u.email : r.email().isBlank() ? null : r.email().strip();
    if (!java.util.Objects.equals(email, u.email)) {
      rec.change("UPDATE", "email", u.email, email);
      u.email = email;
    }
    return UnitView.of(u);
  }

  /** Creates the unit when missing (catalogue loading); returns whether it did. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean ensureUnit(String code, String name, String email, Actor actor) {
    if (units.findByIdOptional(code).isPresent()) {
      return false;
    }
    createUnit(new CreateUnitRequest(code, name, email), actor);
    return true;
  }

  @Transactional
  public List<String> unitCodes() {
    return units.listAll(Sort.by("code")).stream().map(u -> u.code).toList();
  }
}

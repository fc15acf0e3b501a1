package org.duban.identity;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duban.audit.Journal;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.identity.dto.UnitView;
import org.duban.identity.dto.UpdateUnitRequest;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;

/**
 * The responsible units: list, one, create (the API, the catalogue's unit file, the import), change;
 * each sits in a region and may name the unit above it in its line (条), never in a circle. Every
 * change journaled.
 */
@ApplicationScoped
public class UnitService {

  private final UnitRepository units;
  private final Regions regions;
  private final Journal journal;
  private final Clock clock;

  public UnitService(UnitRepository units, Regions regions, Journal journal, Clock clock) {
    this.units = units;
    this.regions = regions;
    this.journal = journal;
    this.clock = clock;
  }

  @Transactional
  public List<UnitView> units() {
    Map<String, String> names = regionNames();
    return units.listAll(Sort.by("code")).stream().map(u -> UnitView.of(u, names.get(u.regionCode))).toList();
  }

  @Transactional
  public UnitView unit(String code) {
    return units
        .findByIdOptional(code)
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("There is no unit " + code + "."));
  }

  @Transactional
  public UnitView createUnit(CreateUnitRequest r, Actor actor) {
    if (units.findByIdOptional(r.code()).isPresent()) {
      throw ProblemException.conflict("A unit with code " + r.code() + " exists already.");
    }
    String region = r.region() == null ? Regions.PROVINCE : r.region();
    requireRegion(region);
    String parent = blankToNull(r.parent());
    if (parent != null && units.findByIdOptional(parent).isEmpty()) {
      throw ProblemException.invalid("parent", "unknown unit " + parent);
    }
    Unit u = new Unit();
    u.code = r.code();
    u.name = r.name().trim();
    u.email = r.email() == null || r.email().isBlank() ? null : r.email().trim();
    u.regionCode = region;
    u.parentCode = parent;
    u.createdAt = clock.instant();
    units.persist(u);
    var rec = journal.on(actor, null, "UNIT", u.code);
    rec.change("CREATE", "name", null, u.name);
    rec.change("CREATE", "email", null, u.email);
    rec.change("CREATE", "region", null, u.regionCode);
    rec.change("CREATE", "parent", null, u.parentCode);
    return view(u);
  }

  /** Changes a unit's name, contact address, region and line (the fields given); each change journaled. */
  @Transactional
  public UnitView updateUnit(String code, UpdateUnitRequest r, Actor actor) {
    if (r.name() == null && r.email() == null && r.region() == null && r.parent() == null) {
      throw ProblemException.invalid("name", "give name, email, region or parent");
    }
    Unit u = units.findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("There is no unit " + code + "."));
    if (r.region() != null) {
      requireRegion(r.region());
    }
    String parent = r.parent() == null ? u.parentCode : blankToNull(r.parent());
    if (parent != null && !parent.equals(u.parentCode)) {
      requireLine(u.code, parent);
    }
    var rec = journal.on(actor, null, "UNIT", u.code);
    if (r.name() != null && !r.name().strip().equals(u.name)) {
      rec.change("UPDATE", "name", u.name, r.name().strip());
      u.name = r.name().strip();
    }
    String email = r.email() == null ? u.email : r.email().isBlank() ? null : r.email().strip();
    if (!Objects.equals(email, u.email)) {
      rec.change("UPDATE", "email", u.email, email);
      u.email = email;
    }
    if (r.region() != null && !r.region().equals(u.regionCode)) {
      rec.change("UPDATE", "region", u.regionCode, r.region());
      u.regionCode = r.region();
    }
    if (!Objects.equals(parent, u.parentCode)) {
      rec.change("UPDATE", "parent", u.parentCode, parent);
      u.parentCode = parent;
    }
    return view(u);
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

  /** Serializes start-up bootstraps of several instances (held to the end of the caller's transaction). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockForBootstrap() {
    units.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('duban:bootstrap'))").getSingleResult();
  }

  @Transactional
  public List<String> unitCodes() {
    return units.listAll(Sort.by("code")).stream().map(u -> u.code).toList();
  }

  /** Every unit's line: code → the code of the unit above it (null at the top of a line). */
  @Transactional(Transactional.TxType.MANDATORY)
  Map<String, String> lines() {
    Map<String, String> lines = new HashMap<>();
    units.listAll().forEach(u -> lines.put(u.code, u.parentCode));
    return lines;
  }

  /**
   * The first unit met twice going up from {@code code} when its parent would be {@code parent},
   * by the lines given (null: no circle); unknown units end the walk.
   */
  static String circle(String code, String parent, Map<String, String> lines) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    seen.add(code);
    for (String at = parent; at != null; at = lines.get(at)) {
      if (!seen.add(at)) {
        return at;
      }
    }
    return null;
  }

  private void requireLine(String code, String parent) {
    if (parent.equals(code)) {
      throw ProblemException.invalid("parent", "a unit cannot be its own parent");
    }
    if (units.findByIdOptional(parent).isEmpty()) {
      throw ProblemException.invalid("parent", "unknown unit " + parent);
    }
    // one change of a line at a time: two crossing changes could each see no circle and make one together
    units.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('duban:unit-lines'))").getSingleResult();
    if (circle(code, parent, lines()) != null) {
      throw ProblemException.invalid("parent", "the units' lines would run in a circle through " + code);
    }
  }

  private void requireRegion(String region) {
    if (regions.region(region).isEmpty()) {
      throw ProblemException.invalid("region", "unknown region " + region);
    }
  }

  private UnitView view(Unit u) {
    return UnitView.of(u, regions.region(u.regionCode).map(r -> r.name).orElse(null));
  }

  private Map<String, String> regionNames() {
    Map<String, String> names = new HashMap<>();
    regions.listAll().forEach(r -> names.put(r.code, r.name));
    return names;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

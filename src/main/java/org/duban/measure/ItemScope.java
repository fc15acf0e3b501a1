package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.identity.Regions;
import org.duban.identity.UnitLines;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * Who may read and who may act on a tracked item, by region (块) and by line (条), decided here
 * only.
 *
 * <ul>
 *   <li>Measures: every OFFICE, LEADER and ADMIN account reads them; a REPORTER those its unit leads
 *       or shares, or carries a task of (itself or a unit of its line). Only an office of the whole
 *       province acts on a measure.
 *   <li>Tasks: the offices and leaders whose region contains the task's region (the province's
 *       contain all), ADMIN, and the REPORTERs of the responsible unit, of a co-unit, or of a unit
 *       above it in its line (those read only). The offices whose region contains the task's act on
 *       it: accept its reports, verify, postpone, reopen, break it down further.
 * </ul>
 *
 * Something an account may not read does not exist for it (404); something it reads but may not
 * act on is a 403.
 */
@ApplicationScoped
public class ItemScope {

  private final Regions regions;
  private final UnitLines lines;
  private final MeasureRepository measures;

  private final jakarta.enterprise.inject.Instance<ExtraReaders> extraReaders;

  public ItemScope(Regions regions, UnitLines lines, MeasureRepository measures, jakarta.enterprise.inject.Instance<ExtraReaders> extraReaders) {
    this.regions = regions;
    this.lines = lines;
    this.measures = measures;
    this.extraReaders = extraReaders;
  }

  public boolean reads(Actor actor, Measure m) {
    if (actor.is(Role.REPORTER_)) {
      if (m.involves(actor.unitCode())) {
        return true;
      }
      if (m.isLocal()) {
        return lines.inLineOf(actor.unitCode(), m.leadUnit.code);
      }
      return carriesTaskOf(actor, m);
    }
    if (actor.is(Role.OFFICE_) || actor.is(Role.LEADER_)) {
      if (!m.isLocal() || regions.covers(actor, m.regionCode)) {
        return true;
      }
      // a rectification item outside the account's region: its inspecting group's members read it
      return m.isRectification() && extraReaders.stream().anyMatch(r -> r.reads(actor, m));
    }
    return actor.is(Role.ADMIN_) || actor.is(Role.AUDITOR_) || actor.is("SYSTEM");
  }

  /**
   * Who else reads an item, decided by a feature above this floor (supervision: the members of the
   * group whose inspection found a rectification item).
   */
  public interface ExtraReaders {
    boolean reads(Actor actor, Measure m);
  }

  /** Whether the actor is an office whose region contains the item's (a measure: the province). */
  public boolean supervises(Actor actor, Measure m) {
    if (actor.is("SYSTEM")) {
      return true;
    }
    if (!actor.is(Role.OFFICE_)) {
      return false;
    }
    return m.isLocal() ? regions.covers(actor, m.regionCode) : Regions.provincial(actor);
  }

  /** 404 unless the actor reads the item, 403 unless it supervises it. */
  public void requireSupervision(Actor actor, Measure m, String what) {
    if (!reads(actor, m)) {
      throw notFound(m);
    }
    if (supervises(actor, m)) {
      return;
    }
    if (m.isLocal()) {
      throw ProblemException.forbidden("Only an office whose region contains " + m.regionCode + " may " + what + " " + m.code + ".");
    }
    throw ProblemException.forbidden("Only an office of the whole province may " + what + " " + m.code + ".");
  }

  /** 404 unless the actor reads the item. */
  public Measure requireRead(Actor actor, Measure m) {
    if (!reads(actor, m)) {
      throw notFound(m);
    }
    return m;
  }

  public static ProblemException notFound(Measure m) {
    return notFound(m.code);
  }

  public static ProblemException notFound(String code) {
    return switch (ItemKind.ofCode(code)) {
      case TASK -> ProblemException.notFound("There is no task " + code + ".");
      case RECTIFICATION -> ProblemException.notFound("There is no rectification item " + code + ".");
      case MEASURE -> MeasureQueries.notFound(code);
    };
  }

  private boolean carriesTaskOf(Actor actor, Measure m) {
    if (actor.unitCode() == null) {
      return false;
    }
    var line = lines.lineOf(actor.unitCode());
    return measures.count("root.id = ?1 and leadUnit.code in ?2", m.id, line) > 0;
  }
}

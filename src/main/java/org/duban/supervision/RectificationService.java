package org.duban.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.duban.audit.Journal;
import org.duban.identity.Region;
import org.duban.identity.Regions;
import org.duban.identity.Unit;
import org.duban.identity.UnitRepository;
import org.duban.measure.ItemKind;
import org.duban.measure.ItemScope;
import org.duban.measure.LightRule;
import org.duban.measure.Measure;
import org.duban.measure.MeasureQueries;
import org.duban.measure.MeasureRepository;
import org.duban.measure.MeasureStatus;
import org.duban.measure.dto.RegionRef;
import org.duban.measure.dto.UnitRef;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.duban.supervision.dto.RectificationRequest;
import org.duban.supervision.dto.RectificationView;

/**
 * Rectification items (整改事项) on the one engine: each is a tracked row of kind RECTIFICATION (code
 * ZG and its number), so the scan flags it, lights it, puts it in rounds and up the reminder ladder,
 * and reports, claim done, verify, reopen and postponements are the measures' own steps
 * (MeasureLifecycle, ReportService), journaled as RECTIFICATION. Nothing of it is public. Who reads
 * and acts on one is ItemScope's rule for local items (the office whose region contains the unit's,
 * the unit's reporters) plus, through {@link GroupReaders}, the members of the inspecting group and
 * the contact leaders of what it concerns.
 */
@ApplicationScoped
public class RectificationService {

  private final SupervisionSql sql;
  private final MeasureRepository measures;
  private final MeasureQueries queries;
  private final ItemScope scope;
  private final Regions regions;
  private final UnitRepository units;
  private final Journal journal;
  private final BusinessCalendar calendar;
  private final LightRule rule;

  public RectificationService(SupervisionSql sql, MeasureRepository measures, MeasureQueries queries, ItemScope scope, Regions regions,
      UnitRepository units, Journal journal, BusinessCalendar calendar, LightRule rule) {
    this.sql = sql;
    this.measures = measures;
    this.queries = queries;
    this.scope = scope;
    this.regions = regions;
    this.units = units;
    this.journal = journal;
    this.calendar = calendar;
    this.rule = rule;
  }

  /**
   * A finding made into an item: by an office whose region contains the responsible unit's, or an
   * office that is a member of the inspecting group. The item it concerns must be a measure or task
   * the caller reads; the inspection or visit one it reads; the deadline not in the past.
   */
  @Transactional
  public RectificationView create(RectificationRequest r, Actor actor) {
    if (ItemKind.ofCode(r.concerns()) == ItemKind.RECTIFICATION) {
      throw ProblemException.invalid("concerns", "must be a measure or a task, not a rectification item");
    }
    Measure concerns;
    try {
      concerns = queries.visible(r.concerns(), actor);
    } catch (ProblemException e) {
      throw ProblemException.invalid("concerns", "no measure or task you can see has the code '" + r.concerns() + "'");
    }
    Unit unit = units.findByIdOptional(r.unit()).orElseThrow(() -> ProblemException.invalid("unit", "no unit has the code '" + r.unit() + "'"));
    if (r.inspection() != null && r.visit() != null) {
      throw ProblemException.invalid("visit", "give the inspection or the visit it was found in, not both");
    }
    SupervisionSql.Inspection inspection = null;
    if (r.inspection() != null) {
      inspection = sql.inspection(r.inspection()).orElse(null);
      if (inspection == null || !SupervisionService.readsInspection(sql, regions, inspection, actor)) {
        throw ProblemException.invalid("inspection", "no inspection you can see has the id " + r.inspection());
      }
    }
    if (r.visit() != null) {
      SupervisionSql.Visit v = sql.visit(r.visit()).orElse(null);
      if (v == null || !(v.recordedBy().equals(actor.username()) || scope.reads(actor, measures.findById(v.itemId())))) {
        throw ProblemException.invalid("visit", "no visit you can see has the id " + r.visit());
      }
    }
    Measure probe = new Measure();
    probe.kind = ItemKind.RECTIFICATION;
    probe.regionCode = unit.regionCode;
    probe.code = ItemKind.rectificationCode(0);
    boolean groupOffice = inspection != null && actor.is(Role.OFFICE_) && sql.isMember(inspection.groupId(), actor.username());
    if (!scope.supervises(actor, probe) && !groupOffice) {
      throw ProblemException.forbidden("Only an office whose region contains " + unit.regionCode
          + " (or an office of the inspecting group) may give unit " + unit.code + " a rectification item.");
    }
    LocalDate today = calendar.today();
    if (r.deadline().isBefore(today)) {
      throw ProblemException.invalid("deadline", "must not be in the past");
    }
    Instant now = calendar.now();
    long number = sql.nextRectificationNumber();
    Measure m = new Measure();
    m.kind = ItemKind.RECTIFICATION;
    m.code = ItemKind.rectificationCode(number);
    m.regionCode = unit.regionCode;
    m.area = concerns.area;
    m.title = r.title().strip();
    m.leadUnit = unit;
    m.startDate = today;
    m.committedDeadline = r.deadline();
    m.currentDeadline = r.deadline();
    m.status = MeasureStatus.NOT_STARTED;
    m.progress = 0;
    m.createdAt = now;
    m.updatedAt = now;
    measures.persist(m);
    measures.flush();
    sql.insertRectification(new SupervisionSql.Rectification(m.id, number, concerns.id, r.inspection(), r.visit(), r.finding().strip(),
        r.requiredOutcome().strip(), actor.username(), now));
    var rec = journal.on(actor, m.id, "RECTIFICATION", m.code);
    rec.action("CREATE", "concerns " + concerns.code + "; unit " + unit.code + "; deadline " + r.deadline()
        + (r.inspection() == null ? "" : "; inspection " + r.inspection()) + (r.visit() == null ? "" : "; visit " + r.visit()));
    return view(m);
  }

  /** One item by its number (404 unless the caller reads it). */
  @Transactional
  public RectificationView get(long number, Actor actor) {
    return view(readable(number, actor));
  }

  /** The item's code for the shared steps, after the read check (404). */
  @Transactional
  public String code(long number, Actor actor) {
    return readable(number, actor).code;
  }

  /** A step of the shared life cycle, answered as the item's view (one transaction). */
  @Transactional
  public RectificationView step(long number, Actor actor, Consumer<String> step) {
    String code = code(number, actor);
    step.accept(code);
    return view(measures.findByCodeWithUnits(code).orElseThrow());
  }

  private Measure readable(long number, Actor actor) {
    String code = ItemKind.rectificationCode(number);
    Measure m = measures.findByCodeWithUnits(code).orElseThrow(() -> ItemScope.notFound(code));
    return scope.requireRead(actor, m);
  }

  /** A page of the items the caller reads, newest first, narrowed by the filters. */
  @Transactional
  public Page<RectificationView> list(String unit, String status, String overdue, String region, String concerns, String inspection,
      PageRequest page, Actor actor) {
    MeasureStatus st = Params.enumOf(MeasureStatus.class, "status", status);
    Boolean late = Params.booleanOf("overdue", overdue);
    String regionPath = null;
    String regionCode = SupervisionService.blank(region);
    if (regionCode != null) {
      Region rg = regions.region(regionCode).orElseThrow(() -> ProblemException.invalid("region", "no region has the code '" + regionCode + "'"));
      regionPath = rg.path;
    }
    Long inspectionId = null;
    if (SupervisionService.blank(inspection) != null) {
      inspectionId = (long) Params.wholeNumber("inspection", inspection, 0, 1, Integer.MAX_VALUE);
    }
    SupervisionSql.RectificationFilter f = filter(actor, SupervisionService.blank(unit), st == null ? null : st.name(), late, regionPath,
        SupervisionService.blank(concerns), inspectionId, false);
    List<RectificationView> items = sql.rectificationItemIds(f, page.size, page.offset()).stream()
        .map(id -> view(measures.findById(id))).toList();
    return new Page<>(items, page.page, page.size, sql.countRectifications(f));
  }

  /** The items on what a leader is contact leader of (or found by its group), open first: at most 50. */
  List<RectificationView> ofLeader(Actor actor) {
    SupervisionSql.RectificationFilter f = new SupervisionSql.RectificationFilter(false, null, null, actor.username(), null, null, null,
        calendar.today(), null, null, null, true);
    return sql.rectificationItemIds(f, 50, 0).stream().map(id -> view(measures.findById(id))).toList();
  }

  private SupervisionSql.RectificationFilter filter(Actor actor, String unit, String status, Boolean overdue, String regionPath,
      String concerns, Long inspection, boolean openFirst) {
    boolean all = (actor.is(Role.OFFICE_) || actor.is(Role.LEADER_)) && Regions.provincial(actor)
        || actor.is(Role.ADMIN_) || actor.is(Role.AUDITOR_);
    String path = (actor.is(Role.OFFICE_) || actor.is(Role.LEADER_)) && !all ? regions.path(actor.regionCode()).orElse(null) : null;
    String unitScope = actor.is(Role.REPORTER_) ? actor.unitCode() : null;
    return new SupervisionSql.RectificationFilter(all, path, unitScope, actor.username(), unit, status, overdue, calendar.today(), regionPath,
        concerns, inspection, openFirst);
  }

  RectificationView view(Measure m) {
    SupervisionSql.Rectification r = sql.rectificationOfItem(m.id).orElseThrow();
    Measure concerns = measures.findById(r.concernsId());
    LocalDate today = calendar.today();
    LightRule.Facts facts = new LightRule.Facts(m.status, m.progress, m.startDate, m.currentDeadline, m.claimedDoneOn, m.reportingMissed);
    Region region = regions.region(m.regionCode).orElseThrow();
    return new RectificationView(r.number(), m.code, m.title, r.finding(), r.requiredOutcome(),
        new RectificationView.ItemRef(concerns.code, concerns.kind.name(), concerns.title), r.inspectionId(), r.visitId(),
        new UnitRef(m.leadUnit.code, m.leadUnit.name), new RegionRef(region.code, region.name), m.startDate, m.committedDeadline,
        m.currentDeadline, m.status, m.progress, rule.light(facts, today), rule.overdue(facts, today), rule.overdueDays(facts, today),
        m.claimedDoneOn, m.verifiedAt, m.verifiedBy, r.createdBy(), r.createdAt(), m.version);
  }
}

package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.duban.audit.Journal;
import org.duban.identity.Unit;
import org.duban.identity.UnitRepository;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.MeasureView;
import org.duban.measure.dto.MilestoneInput;
import org.duban.measure.dto.PatchMeasureRequest;
import org.duban.measure.dto.TargetInput;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Precondition;
import org.duban.platform.ProblemException;

/**
 * Creating a measure and editing what it promises: area, title, summary, source quote, units,
 * start date, milestones, targets, notes. Never its status, progress or deadline: those move only
 * through {@link MeasureLifecycle} (the committed deadline never moves at all). Every changed field
 * is journaled in the same transaction.
 */
@ApplicationScoped
public class MeasureEditing {

  private final MeasureRepository measures;
  private final UnitRepository units;
  private final Journal journal;
  private final BusinessCalendar calendar;
  private final MeasureViews views;

  public MeasureEditing(
      MeasureRepository measures, UnitRepository units, Journal journal, BusinessCalendar calendar, MeasureViews views) {
    this.measures = measures;
    this.units = units;
    this.journal = journal;
    this.calendar = calendar;
    this.views = views;
  }

  /** Measures are the province's: an office of a city or county reads them and acts on its tasks. */
  static void provincialOffice(Actor actor, String what) {
    if (actor.is(org.duban.platform.Role.OFFICE_) && !org.duban.identity.Regions.provincial(actor)) {
      throw ProblemException.forbidden("Only an office of the whole province may " + what + ".");
    }
  }

  @Transactional
  public MeasureView create(CreateMeasureRequest r, Actor actor) {
    provincialOffice(actor, "create measures");
    if (ItemKind.ofCode(r.code()) == ItemKind.TASK) {
      throw ProblemException.invalid("code", "must not end in a dash and six digits: that is the shape of a task's code");
    }
    if (ItemKind.ofCode(r.code()) == ItemKind.RECTIFICATION) {
      throw ProblemException.invalid("code", "must not be ZG and a number: that is the shape of a rectification item's code");
    }
    if (measures.findByCode(r.code()).isPresent()) {
      throw ProblemException.conflict("A measure with code " + r.code() + " exists already.");
    }
    if (r.deadline().isBefore(r.startDate())) {
      throw ProblemException.invalid("deadline", "must not be before startDate");
    }
    Instant now = calendar.now();
    Measure m = new Measure();
    m.code = r.code();
    m.area = r.area();
    m.title = r.title().trim();
    m.summary = blankToNull(r.summary());
    m.sourceQuote = blankToNull(r.sourceQuote());
    m.leadUnit = unit("leadUnit", r.leadUnit());
    m.leadUnitInferred = Boolean.TRUE.equals(r.leadUnitInferred());
    m.assumptions = r.assumptions() == null ? new ArrayList<>() : new ArrayList<>(r.assumptions());
    m.coUnits = coUnits(r.coUnits(), m.leadUnit);
    m.startDate = r.startDate();
    m.committedDeadline = r.deadline();
    m.currentDeadline = r.deadline();
    m.status = MeasureStatus.NOT_STARTED;
    m.progress = 0;
    m.notes = blankToNull(r.notes());
    m.createdAt = now;
    m.updatedAt = now;
    replaceMilestones(m, r.milestones());
    replaceTargets(m, r.targets());
    measures.persist(m);
    var rec = journal.on(actor, m.id, MeasureLifecycle.ENTITY, m.code);
    rec.action("CREATE", null);
    rec.change("CREATE", "area", null, m.area);
    rec.change("CREATE", "title", null, m.title);
    rec.change("CREATE", "summary", null, m.summary);
    rec.change("CREATE", "leadUnit", null, m.leadUnit.code);
    rec.change("CREATE", "coUnits", null, codes(m.coUnits));
    rec.change("CREATE", "startDate", null, m.startDate);
    rec.change("CREATE", "committedDeadline", null, m.committedDeadline);
    rec.change("CREATE", "deadline", null, m.currentDeadline);
    rec.change("CREATE", "status", null, m.status);
    rec.change("CREATE", "milestones", null, JournalTexts.milestoneText(m.milestones));
    rec.change("CREATE", "targets", null, JournalTexts.targetText(m.targets));
    return views.one(m);
  }

  /** PATCH: only present keys change; needs the version the caller read (If-Match). */
  @Transactional
  public MeasureView update(String code, PatchMeasureRequest r, Precondition precondition, Actor actor) {
    if (!precondition.present()) {
      throw ProblemException.preconditionRequired();
    }
    provincialOffice(actor, "change measures");
    MeasureQueries.requireKind(code, ItemKind.MEASURE);
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> MeasureQueries.notFound(code));
    precondition.require(m.version);
    var rec = journal.on(actor, m.id, MeasureLifecycle.ENTITY, m.code);
    if (r.area() != null && rec.change("UPDATE", "area", m.area, r.area())) {
      m.area = r.area();
    }
    if (r.title() != null && rec.change("UPDATE", "title", m.title, r.title().trim())) {
      m.title = r.title().trim();
    }
    if (r.summary() != null && rec.change("UPDATE", "summary", m.summary, blankToNull(r.summary()))) {
      m.summary = blankToNull(r.summary());
    }
    if (r.sourceQuote() != null
        && rec.change("UPDATE", "sourceQuote", m.sourceQuote, blankToNull(r.sourceQuote()))) {
      m.sourceQuote = blankToNull(r.sourceQuote());
    }
    if (r.leadUnit() != null && !r.leadUnit().equals(m.leadUnit.code)) {
      Unit lead = unit("leadUnit", r.leadUnit());
      rec.change("UPDATE", "leadUnit", m.leadUnit.code, lead.code);
      m.leadUnit = lead;
      if (r.coUnits() == null && m.coUnits.removeIf(u -> u.code.equals(lead.code))) {
        rec.change("UPDATE", "coUnits", null, codes(m.coUnits));
      }
    }
    if (r.coUnits() != null) {
      Set<Unit> co = coUnits(r.coUnits(), m.leadUnit);
      if (rec.change("UPDATE", "coUnits", codes(m.coUnits), codes(co))) {
        m.coUnits.clear();
        m.coUnits.addAll(co);
      }
    }
    if (r.startDate() != null && !r.startDate().equals(m.startDate)) {
      if (r.startDate().isAfter(m.committedDeadline) || r.startDate().isAfter(m.currentDeadline)) {
        throw ProblemException.invalid("startDate", "must not be after the deadline");
      }
      rec.change("UPDATE", "startDate", m.startDate, r.startDate());
      m.startDate = r.startDate();
    }
    if (r.leadUnitInferred() != null
        && rec.change("UPDATE", "leadUnitInferred", m.leadUnitInferred, r.leadUnitInferred())) {
      m.leadUnitInferred = r.leadUnitInferred();
    }
    if (r.assumptions() != null && rec.change("UPDATE", "assumptions", m.assumptions, r.assumptions())) {
      m.assumptions = new ArrayList<>(r.assumptions());
    }
    if (r.notes() != null && rec.change("UPDATE", "notes", m.notes, blankToNull(r.notes()))) {
      m.notes = blankToNull(r.notes());
    }
    if (r.milestones() != null) {
      String before = JournalTexts.milestoneText(m.milestones);
      String after = JournalTexts.milestoneInputText(r.milestones());
      if (rec.change("UPDATE", "milestones", before, after)) {
        replaceMilestones(m, r.milestones());
      }
    }
    if (r.targets() != null) {
      String before = JournalTexts.targetText(m.targets);
      String after = JournalTexts.targetInputText(r.targets());
      if (rec.change("UPDATE", "targets", before, after)) {
        replaceTargets(m, r.targets());
      }
    }
    if (rec.written() > 0) {
      m.updatedAt = calendar.now();
      measures.flush();
    }
    return views.one(m);
  }

  private Unit unit(String field, String code) {
    return units
        .findByIdOptional(code)
        .orElseThrow(() -> ProblemException.invalid(field, "unknown unit " + code));
  }

  private Set<Unit> coUnits(List<String> codes, Unit lead) {
    Set<Unit> co = new LinkedHashSet<>();
    if (codes == null) {
      return co;
    }
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      if (Objects.equals(code, lead.code)) {
        throw ProblemException.invalid("coUnits[" + i + "]", "the lead unit cannot also be a co-unit");
      }
      co.add(unit("coUnits[" + i + "]", code));
    }
    return co;
  }

  /** Replaces the list in place (row by position), so no position is ever held twice. */
  private static void replaceMilestones(Measure m, List<MilestoneInput> inputs) {
    List<MilestoneInput> list = inputs == null ? List.of() : inputs;
    for (int i = 0; i < list.size(); i++) {
      MilestoneInput in = list.get(i);
      Milestone s;
      if (i < m.milestones.size()) {
        s = m.milestones.get(i);
      } else {
        s = new Milestone();
        s.measure = m;
        s.position = i;
        m.milestones.add(s);
      }
      s.title = in.title().trim();
      s.dueDate = in.dueDate();
      s.doneOn = in.doneOn();
      s.assumption = blankToNull(in.assumption());
    }
    while (m.milestones.size() > list.size()) {
      m.milestones.remove(m.milestones.size() - 1);
    }
  }

  private static void replaceTargets(Measure m, List<TargetInput> inputs) {
    List<TargetInput> list = inputs == null ? List.of() : inputs;
    for (int i = 0; i < list.size(); i++) {
      TargetInput in = list.get(i);
      Target t;
      if (i < m.targets.size()) {
        t = m.targets.get(i);
      } else {
        t = new Target();
        t.measure = m;
        t.position = i;
        m.targets.add(t);
      }
      t.description = in.description().trim();
      t.targetValue = in.targetValue();
      t.unitLabel = blankToNull(in.unitLabel());
      t.dueDate = in.dueDate();
      t.actualValue = in.actualValue();
      t.assumption = blankToNull(in.assumption());
      if (in.aggregation() != null) {
        t.aggregation = in.aggregation();
      }
    }
    while (m.targets.size() > list.size()) {
      m.targets.remove(m.targets.size() - 1);
    }
  }

  static List<String> codes(Set<Unit> units) {
    return units.stream().map(u -> u.code).sorted().toList();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

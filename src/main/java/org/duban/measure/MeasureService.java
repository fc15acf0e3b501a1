package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.duban.audit.Journal;
import org.duban.audit.dto.JournalView;
import org.duban.platform.Role;
import org.duban.identity.Unit;
import org.duban.identity.UnitRepository;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.MeasureView;
import org.duban.measure.dto.MilestoneInput;
import org.duban.measure.dto.NoteRequest;
import org.duban.measure.dto.PatchMeasureRequest;
import org.duban.measure.dto.PostponeRequest;
import org.duban.measure.dto.ReasonRequest;
import org.duban.measure.dto.ResumeRequest;
import org.duban.measure.dto.SuspendRequest;
import org.duban.measure.dto.TargetInput;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Precondition;
import org.duban.platform.ProblemException;

/**
 * The catalogue of measures and their life cycle: create, edit, postpone, claim done, verify,
 * reopen, suspend and resume. Every change is journaled in the same transaction.
 */
@ApplicationScoped
public class MeasureService {

  static final String ENTITY = "MEASURE";

  private final MeasureRepository measures;
  private final UnitRepository units;
  private final Journal journal;
  private final BusinessCalendar calendar;
  private final MeasureViews views;

  public MeasureService(
      MeasureRepository measures,
      UnitRepository units,
      Journal journal,
      BusinessCalendar calendar,
      MeasureViews views) {
    this.measures = measures;
    this.units = units;
    this.journal = journal;
    this.calendar = calendar;
    this.views = views;
  }

  // ---- reading ----

  @Transactional
  public Page<MeasureView> list(MeasureFilter filter, PageRequest page, Actor actor) {
    MeasureFilter scoped = filter;
    if (actor.is(Role.REPORTER_)) {
      if (filter.unit() != null && !filter.unit().equals(actor.unitCode())) {
        return new Page<>(List.of(), page.page, page.size, 0);
      }
      scoped = filter.withUnit(actor.unitCode());
    }
    MeasureRepository.Found found = measures.search(scoped, calendar.today(), page);
    return new Page<>(views.many(found.items()), page.page, page.size, found.total());
  }

  @Transactional
  public MeasureView get(String code, Actor actor) {
    return views.one(visible(code, actor));
  }

  @Transactional
  public Page<JournalView> journal(String code, PageRequest page) {
    Measure m = measures.findByCode(code).orElseThrow(() -> notFound(code));
    return journal.forMeasure(m.id, page);
  }

  /** The measure, or 404 when it does not exist or the actor may not see it. */
  public Measure visible(String code, Actor actor) {
    Measure m = measures.findByCodeWithUnits(code).orElseThrow(() -> notFound(code));
    if (actor.is(Role.REPORTER_) && !m.involves(actor.unitCode())) {
      throw notFound(code);
    }
    return m;
  }

  public static ProblemException notFound(String code) {
    return ProblemException.notFound("There is no measure " + code + ".");
  }

  @Transactional
  public boolean any() {
    return measures.count() > 0;
  }

  /** The committed deadline of each of these codes that exists. */
  public Map<String, LocalDate> committedDeadlines(Collection<String> codes) {
    Map<String, LocalDate> out = new HashMap<>();
    if (codes.isEmpty()) {
      return out;
    }
    measures.getEntityManager()
        .createQuery("select m.code, m.committedDeadline from Measure m where m.code in :codes", Object[].class)
        .setParameter("codes", codes)
        .getResultList()
        .forEach(r -> out.put((String) r[0], (LocalDate) r[1]));
    return out;
  }

  /**
   * Every measure in the shape POST /measures and the catalogue import take (deadline = the
   * committed deadline), by code, read in batches of 200 so that memory stays bounded.
   */
  @Transactional
  public void eachAsRequest(java.util.function.Consumer<CreateMeasureRequest> consumer) {
    String after = "";
    while (true) {
      List<Measure> batch =
          measures.getEntityManager()
              .createQuery("select m from Measure m join fetch m.leadUnit where m.code > :after order by m.code", Measure.class)
              .setParameter("after", after)
              .setMaxResults(200)
              .getResultList();
      if (batch.isEmpty()) {
        return;
      }
      for (Measure m : batch) {
        consumer.accept(asRequest(m));
      }
      after = batch.get(batch.size() - 1).code;
      measures.getEntityManager().clear();
    }
  }

  private static CreateMeasureRequest asRequest(Measure m) {
    return new CreateMeasureRequest(
        m.code,
        m.area,
        m.title,
        m.summary,
        m.sourceQuote,
        m.leadUnit.code,
        m.coUnits.stream().map(u -> u.code).sorted().toList(),
        m.startDate,
        m.committedDeadline,
        m.milestones.stream()
            .map(x -> new MilestoneInput(x.title, x.dueDate, x.doneOn, x.assumption))
            .toList(),
        m.targets.stream()
            .map(t -> new TargetInput(t.description, t.targetValue, t.unitLabel, t.dueDate, t.actualValue, t.assumption))
            .toList(),
        m.leadUnitInferred,
        List.copyOf(m.assumptions),
        m.notes);
  }

  /** The version (ETag) of a measure that exists. */
  public long versionOf(String code) {
    return measures.findByCode(code).orElseThrow(() -> notFound(code)).version;
  }

  public boolean exists(String code) {
    return measures.findByCode(code).isPresent();
  }

  // ---- catalogue ----

  @Transactional
  public MeasureView create(CreateMeasureRequest r, Actor actor) {
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
    var rec = journal.on(actor, m.id, ENTITY, m.code);
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
    rec.change("CREATE", "milestones", null, milestoneText(m.milestones));
    rec.change("CREATE", "targets", null, targetText(m.targets));
    return views.one(m);
  }

  /** PATCH: only present keys change; needs the version the caller read (If-Match). */
  @Transactional
  public MeasureView update(String code, PatchMeasureRequest r, Precondition precondition, Actor actor) {
    if (!precondition.present()) {
      throw ProblemException.preconditionRequired();
    }
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> notFound(code));
    precondition.require(m.version);
    var rec = journal.on(actor, m.id, ENTITY, m.code);
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
      String before = milestoneText(m.milestones);
      String after = milestoneInputText(r.milestones());
      if (rec.change("UPDATE", "milestones", before, after)) {
        replaceMilestones(m, r.milestones());
      }
    }
    if (r.targets() != null) {
      String before = targetText(m.targets);
      String after = targetInputText(r.targets());
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

  // ---- life cycle ----

  @Transactional
  public MeasureView postpone(String code, PostponeRequest r, Precondition precondition, Actor actor) {
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> notFound(code));
    precondition.check(m.version);
    if (m.status == MeasureStatus.VERIFIED) {
      throw ProblemException.conflict("A verified measure is closed: it has no deadline to move.");
    }
    if (!r.newDeadline().isAfter(m.currentDeadline)) {
      throw ProblemException.invalid("newDeadline", "must be after the current deadline " + m.currentDeadline);
    }
    Instant now = calendar.now();
    Postponement p = new Postponement();
    p.measure = m;
    p.oldDeadline = m.currentDeadline;
    p.newDeadline = r.newDeadline();
    p.reason = r.reason().trim();
    p.approvedBy = actor.username();
    p.approvedAt = now;
    measures.addPostponement(p);
    var rec = journal.on(actor, m.id, ENTITY, m.code);
    rec.change("POSTPONE", "deadline", m.currentDeadline, r.newDeadline());
    rec.change("POSTPONE", "postponementReason", null, p.reason);
    m.currentDeadline = r.newDeadline();
    m.updatedAt = now;
    publicEvent(m, PublicEvent.Kind.POSTPONED, p.reason, p.oldDeadline, p.newDeadline, now);
    measures.flush();
    return views.one(m);
  }

  @Transactional
  public MeasureView claimDone(String code, NoteRequest note, Precondition precondition, Actor actor) {
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> notFound(code));
    if (actor.is(Role.REPORTER_) && !m.involves(actor.unitCode())) {
      throw notFound(code);
    }
    if (actor.is(Role.REPORTER_) && !m.leadUnit.code.equals(actor.unitCode())) {
      throw ProblemException.forbidden("Only the lead unit of " + code + " may claim it done.");
    }
    precondition.check(m.version);
    requireStatus(m, "claim it done", MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS);
    Instant now = calendar.now();
    var rec = journal.on(actor, m.id, ENTITY, m.code);
    rec.change("CLAIM_DONE", "status", m.status, MeasureStatus.CLAIMED_DONE);
    rec.change("CLAIM_DONE", "claimedDoneOn", m.claimedDoneOn, calendar.today());
    m.status = MeasureStatus.CLAIMED_DONE;
    m.claimedDoneOn = calendar.today();
    m.updatedAt = now;
    publicEvent(m, PublicEvent.Kind.CLAIMED_DONE, summaryOr(note, "牵头单位报告已完成，申请销号"), null, null, now);
    measures.flush();
    return views.one(m);
  }

  @Transactional
  public MeasureView verify(String code, NoteRequest note, Precondition precondition, Actor actor) {
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> notFound(code));
    precondition.check(m.version);
    requireStatus(m, "verify it", MeasureStatus.CLAIMED_DONE);
    Instant now = calendar.now();
    var rec = journal.on(actor, m.id, ENTITY, m.code);
    rec.change("VERIFY", "status", m.status, MeasureStatus.VERIFIED);
    rec.change("VERIFY", "progress", m.progress, 100);
    rec.change("VERIFY", "verifiedBy", m.verifiedBy, actor.username());
    m.status = MeasureStatus.VERIFIED;
    m.progress = 100;
    m.verifiedAt = now;
    m.verifiedBy = actor.username();
    m.updatedAt = now;
    publicEvent(m, PublicEvent.Kind.VERIFIED, summaryOr(note, "督办办公室核验通过，予以销号"), null, null, now);
    measures.flush();
    return views.one(m);
  }

  @Transactional
  public MeasureView reopen(String code, ReasonRequest r, Precondition precondition, Actor actor) {
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> notFound(code));
    precondition.check(m.version);
    requireStatus(m, "reopen it", MeasureStatus.CLAIMED_DONE, MeasureStatus.VERIFIED);
    Instant now = calendar.now();
    var rec = journal.on(actor, m.id, ENTITY, m.code);
    rec.change("REOPEN", "status", m.status, MeasureStatus.IN_PROGRESS);
    rec.change("REOPEN", "reopenReason", null, r.reason().trim());
    rec.change("REOPEN", "claimedDoneOn", m.claimedDoneOn, null);
    rec.change("REOPEN", "verifiedBy", m.verifiedBy, null);
    m.status = MeasureStatus.IN_PROGRESS;
    m.claimedDoneOn = null;
    m.verifiedAt = null;
    m.verifiedBy = null;
    m.updatedAt = now;
    // The reason is internal (it may name people or cases); the public sees the fact.
    publicEvent(m, PublicEvent.Kind.REOPENED, "经核验尚未完成，退回继续推进", null, null, now);
    measures.flush();
    return views.one(m);
  }

  /**
   * The reason is internal (the staff view's statusReason and the journal): it may name people,
   * cases or plans not yet announced. The public timeline gets only the request's publicSummary, or
   * the bare fact.
   */
  @Transactional
  public MeasureView suspend(String code, SuspendRequest r, Precondition precondition, Actor actor) {
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> notFound(code));
    precondition.check(m.version);
    requireStatus(m, "suspend it", MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS);
    Instant now = calendar.now();
    var rec = journal.on(actor, m.id, ENTITY, m.code);
    rec.change("SUSPEND", "status", m.status, MeasureStatus.SUSPENDED);
    rec.change("SUSPEND", "statusReason", m.statusReason, r.reason().trim());
    m.status = MeasureStatus.SUSPENDED;
    m.statusReason = r.reason().trim();
    m.updatedAt = now;
    publicEvent(m, PublicEvent.Kind.SUSPENDED, textOr(r.publicSummary(), "暂缓推进"), null, null, now);
    measures.flush();
    return views.one(m);
  }

  /** As for suspending: the reason (optional) goes to the journal only, the public sees publicSummary. */
  @Transactional
  public MeasureView resume(String code, ResumeRequest r, Precondition precondition, Actor actor) {
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> notFound(code));
    precondition.check(m.version);
    requireStatus(m, "resume it", MeasureStatus.SUSPENDED);
    Instant now = calendar.now();
    MeasureStatus next = m.progress > 0 ? MeasureStatus.IN_PROGRESS : MeasureStatus.NOT_STARTED;
    var rec = journal.on(actor, m.id, ENTITY, m.code);
    rec.change("RESUME", "status", m.status, next);
    rec.change("RESUME", "statusReason", m.statusReason, null);
    rec.change("RESUME", "resumeReason", null, r == null ? null : blankToNull(r.reason()));
    m.status = next;
    m.statusReason = null;
    m.updatedAt = now;
    publicEvent(m, PublicEvent.Kind.RESUMED, textOr(r == null ? null : r.publicSummary(), "恢复推进"), null, null, now);
    measures.flush();
    return views.one(m);
  }

  // ---- helpers shared with reporting and the catalogue ----

  public void publicEvent(
      Measure m, PublicEvent.Kind kind, String summary, LocalDate oldDeadline, LocalDate newDeadline, Instant at) {
    PublicEvent e = new PublicEvent();
    e.measure = m;
    e.kind = kind;
    e.occurredAt = at;
    e.summary = summary;
    e.progress = m.progress;
    e.oldDeadline = oldDeadline;
    e.newDeadline = newDeadline;
    measures.addPublicEvent(e);
  }

  private static void requireStatus(Measure m, String what, MeasureStatus... allowed) {
    for (MeasureStatus s : allowed) {
      if (m.status == s) {
        return;
      }
    }
    throw ProblemException.conflict(
        "Measure " + m.code + " is " + m.status + ": you cannot " + what + " now.");
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
    }
    while (m.targets.size() > list.size()) {
      m.targets.remove(m.targets.size() - 1);
    }
  }

  static List<String> codes(Set<Unit> units) {
    return units.stream().map(u -> u.code).sorted().toList();
  }

  private static String milestoneText(List<Milestone> list) {
    return list.isEmpty()
        ? null
        : String.join("; ", list.stream().map(s -> s.title + " @" + s.dueDate + (s.doneOn != null ? " done " + s.doneOn : "") + note(s.assumption)).toList());
  }

  private static String milestoneInputText(List<MilestoneInput> list) {
    return list.isEmpty()
        ? null
        : String.join("; ", list.stream().map(s -> s.title().trim() + " @" + s.dueDate() + (s.doneOn() != null ? " done " + s.doneOn() : "") + note(s.assumption())).toList());
  }

  private static String targetText(List<Target> list) {
    return list.isEmpty()
        ? null
        : String.join("; ", list.stream().map(t -> t.description + " " + plain(t.targetValue) + " " + t.unitLabel + " @" + t.dueDate + " actual " + plain(t.actualValue) + note(t.assumption)).toList());
  }

  private static String targetInputText(List<TargetInput> list) {
    return list.isEmpty()
        ? null
        : String.join("; ", list.stream().map(t -> t.description().trim() + " " + plain(t.targetValue()) + " " + blankToNull(t.unitLabel()) + " @" + t.dueDate() + " actual " + plain(t.actualValue()) + note(t.assumption())).toList());
  }

  private static String note(String assumption) {
    return assumption == null || assumption.isBlank() ? "" : " (" + assumption.strip() + ")";
  }

  private static String plain(java.math.BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  private static String summaryOr(NoteRequest note, String fallback) {
    return textOr(note == null ? null : note.publicSummary(), fallback);
  }

  private static String textOr(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text.trim();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.duban.audit.Journal;
import org.duban.measure.dto.MeasureView;
import org.duban.measure.dto.NoteRequest;
import org.duban.measure.dto.PostponeRequest;
import org.duban.measure.dto.ReasonRequest;
import org.duban.measure.dto.ResumeRequest;
import org.duban.measure.dto.SuspendRequest;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Precondition;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * A measure's life cycle: every change of status, progress or deadline goes through here —
 * postpone, claim done, verify, reopen, suspend, resume, and the progress of an accepted report.
 * Each is one {@link #transition}: lock the row, check the caller's scope and the version it read,
 * check the status allows the step, apply it, journal every changed field and write the public
 * timeline's event, all in one transaction.
 *
 * <pre>
 *   NOT_STARTED ──report accepted──▶ IN_PROGRESS ──claim done──▶ CLAIMED_DONE ──verify──▶ VERIFIED
 *        │  ▲                            │  ▲                        │                      │
 *        └──┼── suspend ─▶ SUSPENDED ◀───┘  └──────── reopen ────────┴──────────────────────┘
 *           └──── resume (progress 0) ──┘ (resume with progress ▶ IN_PROGRESS)
 * </pre>
 */
@ApplicationScoped
public class MeasureLifecycle {

  static final String ENTITY = "MEASURE";

  private static final Set<MeasureStatus> OPEN = EnumSet.complementOf(EnumSet.of(MeasureStatus.VERIFIED));

  private final MeasureRepository measures;
  private final Journal journal;
  private final BusinessCalendar calendar;
  private final MeasureViews views;
  private final ItemScope scope;
  private final Rollups rollups;

  public MeasureLifecycle(MeasureRepository measures, Journal journal, BusinessCalendar calendar, MeasureViews views, ItemScope scope,
      Rollups rollups) {
    this.measures = measures;
    this.journal = journal;
    this.calendar = calendar;
    this.views = views;
    this.scope = scope;
    this.rollups = rollups;
  }

  /** The journal's entity for an item: MEASURE, TASK or RECTIFICATION. */
  public static String entity(Measure m) {
    return m.kind == ItemKind.MEASURE ? ENTITY : m.kind.name();
  }

  /** Only an office whose region contains the item's acts on it (404 for one it may not read). */
  private Consumer<Measure> supervised(Actor actor, String what) {
    return m -> scope.requireSupervision(actor, m, what);
  }

  /** What a step leaves on the public timeline (summary is public text; dates only for postponements). */
  record Event(PublicEvent.Kind kind, String summary, LocalDate oldDeadline, LocalDate newDeadline) {
    static Event of(PublicEvent.Kind kind, String summary) {
      return new Event(kind, summary, null, null);
    }
  }

  /** One step: changes the locked measure, journals through {@code rec}, says what the public sees. */
  @FunctionalInterface
  interface Step {
    Event apply(Measure m, Journal.Recorder rec, Instant now);
  }

  @Transactional
  public MeasureView postpone(String code, PostponeRequest r, Precondition precondition, Actor actor) {
    return transition(code, precondition, actor, supervised(actor, "postpone"), closed -> "A verified measure is closed: it has no deadline to move.", OPEN, (m, rec, now) -> {
      if (!r.newDeadline().isAfter(m.currentDeadline)) {
        throw ProblemException.invalid("newDeadline", "must be after the current deadline " + m.currentDeadline);
      }
      if (m.parent != null && r.newDeadline().isAfter(m.parent.currentDeadline)) {
        throw ProblemException.invalid("newDeadline",
            "must be on or before the deadline of " + m.parent.code + " (" + m.parent.currentDeadline + "): postpone it first");
      }
      Postponement p = new Postponement();
      p.measure = m;
      p.oldDeadline = m.currentDeadline;
      p.newDeadline = r.newDeadline();
      p.reason = r.reason().trim();
      p.approvedBy = actor.username();
      p.approvedAt = now;
      measures.addPostponement(p);
      rec.change("POSTPONE", "deadline", m.currentDeadline, r.newDeadline());
      rec.change("POSTPONE", "postponementReason", null, p.reason);
      m.currentDeadline = r.newDeadline();
      return new Event(PublicEvent.Kind.POSTPONED, p.reason, p.oldDeadline, p.newDeadline);
    });
  }

  @Transactional
  public MeasureView claimDone(String code, NoteRequest note, Precondition precondition, Actor actor) {
    Consumer<Measure> leadUnitOnly = m -> {
      if (!scope.reads(actor, m)) {
        throw ItemScope.notFound(m);
      }
      if (actor.is(Role.REPORTER_) && !m.leadUnit.code.equals(actor.unitCode())) {
        throw ProblemException.forbidden("Only the lead unit of " + code + " may claim it done.");
      }
    };
    return transition(code, precondition, actor, leadUnitOnly, cannot("claim it done"),
        EnumSet.of(MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS), (m, rec, now) -> {
          rec.change("CLAIM_DONE", "status", m.status, MeasureStatus.CLAIMED_DONE);
          rec.change("CLAIM_DONE", "claimedDoneOn", m.claimedDoneOn, calendar.today());
          m.status = MeasureStatus.CLAIMED_DONE;
          m.claimedDoneOn = calendar.today();
          return Event.of(PublicEvent.Kind.CLAIMED_DONE, summaryOr(note, "牵头单位报告已完成，申请销号"));
        });
  }

  @Transactional
  public MeasureView verify(String code, NoteRequest note, Precondition precondition, Actor actor) {
    MeasureView done = transition(code, precondition, actor, supervised(actor, "verify"), cannot("verify it"), EnumSet.of(MeasureStatus.CLAIMED_DONE), (m, rec, now) -> {
      long open = measures.count("parent.id = ?1 and status <> ?2", m.id, MeasureStatus.VERIFIED);
      String why = note == null || note.openTasksReason() == null || note.openTasksReason().isBlank() ? null : note.openTasksReason().strip();
      if (open > 0 && why == null) {
        throw ProblemException.conflict(code + " has " + open + " open task(s): verify them first, or say why in openTasksReason.");
      }
      if (open > 0) {
        rec.change("VERIFY", "openTasksReason", null, why);
      }
      rec.change("VERIFY", "status", m.status, MeasureStatus.VERIFIED);
      rec.change("VERIFY", "progress", m.progress, 100);
      rec.change("VERIFY", "verifiedBy", m.verifiedBy, actor.username());
      m.status = MeasureStatus.VERIFIED;
      m.progress = 100;
      m.verifiedAt = now;
      m.verifiedBy = actor.username();
      return Event.of(PublicEvent.Kind.VERIFIED, summaryOr(note, "督办办公室核验通过，予以销号"));
    });
    rollups.above(measures.findByCode(code).orElseThrow(), actor);
    return done;
  }

  @Transactional
  public MeasureView reopen(String code, ReasonRequest r, Precondition precondition, Actor actor) {
    return transition(code, precondition, actor, supervised(actor, "reopen"), cannot("reopen it"),
        EnumSet.of(MeasureStatus.CLAIMED_DONE, MeasureStatus.VERIFIED), (m, rec, now) -> {
          rec.change("REOPEN", "status", m.status, MeasureStatus.IN_PROGRESS);
          rec.change("REOPEN", "reopenReason", null, r.reason().trim());
          rec.change("REOPEN", "claimedDoneOn", m.claimedDoneOn, null);
          rec.change("REOPEN", "verifiedBy", m.verifiedBy, null);
          m.status = MeasureStatus.IN_PROGRESS;
          m.claimedDoneOn = null;
          m.verifiedAt = null;
          m.verifiedBy = null;
          // The reason is internal (it may name people or cases); the public sees the fact.
          return Event.of(PublicEvent.Kind.REOPENED, "经核验尚未完成，退回继续推进");
        });
  }

  /**
   * The reason is internal (the staff view's statusReason and the journal): it may name people,
   * cases or plans not yet announced. The public timeline gets only the request's publicSummary, or
   * the bare fact.
   */
  @Transactional
  public MeasureView suspend(String code, SuspendRequest r, Precondition precondition, Actor actor) {
    return transition(code, precondition, actor, supervised(actor, "suspend"), cannot("suspend it"),
        EnumSet.of(MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS), (m, rec, now) -> {
          rec.change("SUSPEND", "status", m.status, MeasureStatus.SUSPENDED);
          rec.change("SUSPEND", "statusReason", m.statusReason, r.reason().trim());
          m.status = MeasureStatus.SUSPENDED;
          m.statusReason = r.reason().trim();
          return Event.of(PublicEvent.Kind.SUSPENDED, textOr(r.publicSummary(), "暂缓推进"));
        });
  }

  /** As for suspending: the reason (optional) goes to the journal only, the public sees publicSummary. */
  @Transactional
  public MeasureView resume(String code, ResumeRequest r, Precondition precondition, Actor actor) {
    return transition(code, precondition, actor, supervised(actor, "resume"), cannot("resume it"), EnumSet.of(MeasureStatus.SUSPENDED), (m, rec, now) -> {
      MeasureStatus next = m.progress > 0 ? MeasureStatus.IN_PROGRESS : MeasureStatus.NOT_STARTED;
      rec.change("RESUME", "status", m.status, next);
      rec.change("RESUME", "statusReason", m.statusReason, null);
      rec.change("RESUME", "resumeReason", null, r == null ? null : MeasureEditing.blankToNull(r.reason()));
      m.status = next;
      m.statusReason = null;
      return Event.of(PublicEvent.Kind.RESUMED, textOr(r == null ? null : r.publicSummary(), "恢复推进"));
    });
  }

  /**
   * An office accepted a progress report: the measure takes its progress (a measure not started is
   * now in progress) and the report's public summary goes on the timeline. A verified measure is
   * closed and takes none (409: reopen it first). Called by reporting inside its transaction, after
   * the report itself is locked.
   */
  @Transactional
  public void progressAccepted(long measureId, int progress, String publicSummary, Actor actor) {
    Measure m = measures.findByIdForUpdate(measureId).orElseThrow();
    apply(m, actor, closed -> "Measure " + closed.code + " is verified and closed: reopen it first.", OPEN, (measure, rec, now) -> {
      rec.change("ACCEPT_REPORT", "progress", measure.progress, progress);
      measure.progress = progress;
      if (measure.status == MeasureStatus.NOT_STARTED) {
        rec.change("ACCEPT_REPORT", "status", measure.status, MeasureStatus.IN_PROGRESS);
        measure.status = MeasureStatus.IN_PROGRESS;
      }
      return Event.of(PublicEvent.Kind.PROGRESS, publicSummary);
    });
    rollups.above(m, actor);
  }

  /** The detail of the 409 when the measure's status does not allow the step. */
  @FunctionalInterface
  interface Refusal {
    String detail(Measure m);
  }

  private static Refusal cannot(String what) {
    return m -> "Measure " + m.code + " is " + m.status + ": you cannot " + what + " now.";
  }

  /** Lock → the caller's scope → the version it read → the status → the step → journal and timeline. */
  private MeasureView transition(
      String code, Precondition precondition, Actor actor, Consumer<Measure> scope, Refusal refusal, Set<MeasureStatus> allowed, Step step) {
    Measure m = measures.findByCodeForUpdate(code).orElseThrow(() -> ItemScope.notFound(code));
    scope.accept(m);
    precondition.check(m.version);
    apply(m, actor, refusal, allowed, step);
    return views.one(m);
  }

  private void apply(Measure m, Actor actor, Refusal refusal, Set<MeasureStatus> allowed, Step step) {
    if (!allowed.contains(m.status)) {
      throw ProblemException.conflict(refusal.detail(m));
    }
    Instant now = calendar.now();
    Event event = step.apply(m, journal.on(actor, m.id, entity(m), m.code), now);
    m.updatedAt = now;
    if (m.isRectification()) {
      // a rectification item is internal: nothing of it goes on a public timeline
      measures.flush();
      return;
    }
    PublicEvent e = new PublicEvent();
    e.measure = m;
    e.kind = event.kind();
    e.occurredAt = now;
    e.summary = event.summary();
    e.progress = m.progress;
    e.oldDeadline = event.oldDeadline();
    e.newDeadline = event.newDeadline();
    measures.addPublicEvent(e);
    measures.flush();
  }

  private static String summaryOr(NoteRequest note, String fallback) {
    return textOr(note == null ? null : note.publicSummary(), fallback);
  }

  private static String textOr(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text.trim();
  }
}

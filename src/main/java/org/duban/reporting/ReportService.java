package org.duban.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import org.duban.audit.Journal;
import org.duban.platform.Role;
import org.duban.measure.Measure;
import org.duban.measure.MeasureLifecycle;
import org.duban.measure.MeasureQueries;
import org.duban.measure.MeasureStatus;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.reporting.dto.ReportView;
import org.duban.reporting.dto.SubmitReportRequest;

/**
 * Progress reports: a unit submits, the office accepts (the measure's progress and public timeline
 * move) or returns it with a reason.
 */
@ApplicationScoped
public class ReportService {

  static final String ENTITY = "REPORT";

  private final ReportRepository reports;
  private final MeasureQueries measures;
  private final MeasureLifecycle lifecycle;
  private final Journal journal;
  private final BusinessCalendar calendar;
  private final org.duban.measure.ItemScope scope;
  private final org.duban.measure.MeasureRepository items;
  private final org.duban.identity.Regions regions;

  public ReportService(
      ReportRepository reports,
      MeasureQueries measures,
      MeasureLifecycle lifecycle,
      Journal journal,
      BusinessCalendar calendar,
      org.duban.measure.ItemScope scope,
      org.duban.measure.MeasureRepository items,
      org.duban.identity.Regions regions) {
    this.scope = scope;
    this.items = items;
    this.regions = regions;
    this.reports = reports;
    this.measures = measures;
    this.lifecycle = lifecycle;
    this.journal = journal;
    this.calendar = calendar;
  }

  @Transactional
  public ReportView submit(String code, SubmitReportRequest r, Actor actor) {
    Measure m = measures.visible(code, actor);
    if (actor.is(Role.REPORTER_) && !m.involves(actor.unitCode())) {
      throw ProblemException.forbidden("Only the responsible unit of " + code + " reports on it: your unit reads it through its line.");
    }
    if (actor.is(Role.OFFICE_)) {
      scope.requireSupervision(actor, m, "report on");
    }
    if (m.status == MeasureStatus.VERIFIED) {
      throw ProblemException.conflict("Measure " + code + " is verified and closed: it takes no more reports.");
    }
    if (items.hasChildren(m.id)) {
      throw ProblemException.conflict(code + " is broken down into tasks: its progress rolls up from them, and only the tasks at the lowest level take reports.");
    }
    ProgressReport report = new ProgressReport();
    report.measure = m;
    report.unitCode = actor.is(Role.REPORTER_) ? actor.unitCode() : m.leadUnit.code;
    report.submittedBy = actor.username();
    report.submittedAt = calendar.now();
    report.progress = r.progress();
    report.narrative = r.narrative() == null || r.narrative().isBlank() ? null : r.narrative().trim();
    report.publicSummary = r.publicSummary().trim();
    report.evidence = r.evidence() == null ? new ArrayList<>() : new ArrayList<>(r.evidence());
    report.state = ProgressReport.State.PENDING;
    reports.persist(report);
    journal
        .on(actor, m.id, ENTITY, String.valueOf(report.id))
        .action("SUBMIT", "progress " + report.progress + " by unit " + report.unitCode);
    return ReportView.of(report);
  }

  /**
   * The report is accepted and the measure takes its progress — through the measure's life cycle,
   * the one place that moves a measure (a verified measure takes no report: 409, nothing changes).
   */
  @Transactional
  public ReportView accept(long id, Actor actor) {
    ProgressReport report = pending(id, actor);
    report.state = ProgressReport.State.ACCEPTED;
    report.reviewedBy = actor.username();
    report.reviewedAt = calendar.now();
    journal.on(actor, report.measure.id, ENTITY, String.valueOf(id)).change("ACCEPT", "state", "PENDING", "ACCEPTED");
    lifecycle.progressAccepted(report.measure.id, report.progress, report.publicSummary, actor);
    reports.flush();
    return ReportView.of(report);
  }

  @Transactional
  public ReportView returnReport(long id, String reason, Actor actor) {
    ProgressReport report = pending(id, actor);
    report.state = ProgressReport.State.RETURNED;
    report.reviewedBy = actor.username();
    report.reviewedAt = calendar.now();
    report.returnReason = reason.trim();
    var rec = journal.on(actor, report.measure.id, ENTITY, String.valueOf(id));
    rec.change("RETURN", "state", "PENDING", "RETURNED");
    rec.change("RETURN", "returnReason", null, report.returnReason);
    reports.flush();
    return ReportView.of(report);
  }

  @Transactional
  public ReportView get(long id, Actor actor) {
    ProgressReport r = reports.findByIdOptional(id).orElseThrow(() -> notFound(id));
    if (!reads(scope, actor, r)) {
      throw notFound(id);
    }
    return ReportView.of(r);
  }

  /** Who reads a report (and so its evidence files): those who read its item; a reporter also when its unit is involved. */
  static boolean reads(org.duban.measure.ItemScope scope, Actor actor, ProgressReport r) {
    if (!actor.is(Role.OFFICE_) && !actor.is(Role.LEADER_) && !actor.is(Role.REPORTER_)) {
      return false;
    }
    return actor.is(Role.REPORTER_) ? r.measure.involves(actor.unitCode()) || scope.reads(actor, r.measure) : scope.reads(actor, r.measure);
  }

  @Transactional
  public Page<ReportView> list(
      String measureCode, String unit, ProgressReport.State state, PageRequest page, Actor actor) {
    if (measureCode != null) {
      measures.visible(measureCode, actor);
    }
    String scopedUnit = unit;
    if (actor.is(Role.REPORTER_) && measureCode == null) {
      scopedUnit = actor.unitCode();
    }
    // an office or leader of a city sees the reports of its region's tasks (and of the measures)
    String regionPath = measureCode == null && !org.duban.identity.Regions.provincial(actor) && !actor.is(Role.REPORTER_)
        ? regions.path(actor.regionCode()).orElse(actor.regionCode()) + "%" : null;
    ReportRepository.Found found = reports.search(measureCode, scopedUnit, state, regionPath, page);
    return new Page<>(found.items().stream().map(ReportView::of).toList(), page.page, page.size, found.total());
  }

  private ProgressReport pending(long id, Actor actor) {
    ProgressReport report = reports.findForUpdate(id).orElseThrow(() -> notFound(id));
    if (!scope.reads(actor, report.measure)) {
      throw notFound(id);
    }
    scope.requireSupervision(actor, report.measure, "review the reports of");
    if (report.state != ProgressReport.State.PENDING) {
      throw ProblemException.conflict("Report " + id + " was " + report.state.name().toLowerCase() + " already.");
    }
    return report;
  }

  private static ProblemException notFound(long id) {
    return ProblemException.notFound("There is no report " + id + ".");
  }
}

package org.duban.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.evidence.EvidenceOwner;
import org.duban.evidence.OwnerKind;
import org.duban.measure.ItemScope;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * Who may do what with a report's evidence files, by the report's own rules: those who read the
 * report read its files ({@link ReportService#get}'s rule); its unit's reporters and an office that
 * supervises the item attach (and delete) while the report waits for review; that office publishes.
 */
@ApplicationScoped
public class ReportFiles implements EvidenceOwner {

  private final ReportRepository reports;
  private final ItemScope scope;

  public ReportFiles(ReportRepository reports, ItemScope scope) {
    this.reports = reports;
    this.scope = scope;
  }

  @Override
  public OwnerKind kind() {
    return OwnerKind.REPORT;
  }

  @Override
  public Ref read(long reportId, Actor actor) {
    return ref(readable(reportId, actor));
  }

  @Override
  public Ref attach(long reportId, Actor actor) {
    ProgressReport r = readable(reportId, actor);
    boolean own = actor.is(Role.REPORTER_) && r.unitCode.equals(actor.unitCode());
    if (!own && !scope.supervises(actor, r.measure)) {
      throw ProblemException.forbidden("Only the reporting unit of report " + reportId + " or an office supervising " + r.measure.code + " may change its files.");
    }
    if (r.state != ProgressReport.State.PENDING) {
      throw ProblemException.conflict("Report " + reportId + " was " + r.state.name().toLowerCase() + " already: its files no longer change.");
    }
    return ref(r);
  }

  @Override
  public Ref publish(long reportId, Actor actor) {
    ProgressReport r = readable(reportId, actor);
    scope.requireSupervision(actor, r.measure, "publish the files of");
    return ref(r);
  }

  private ProgressReport readable(long reportId, Actor actor) {
    ProgressReport r = reports.findByIdOptional(reportId).orElse(null);
    if (r == null || !ReportService.reads(scope, actor, r)) {
      throw ProblemException.notFound("There is no report " + reportId + ".");
    }
    return r;
  }

  private static Ref ref(ProgressReport r) {
    return new Ref(r.measure.id, "report " + r.id + " on " + r.measure.code);
  }
}

package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duban.measure.dto.MeasureView;
import org.duban.measure.dto.MilestoneView;
import org.duban.measure.dto.PostponementView;
import org.duban.measure.dto.TargetView;
import org.duban.measure.dto.UnitRef;
import org.duban.platform.BusinessCalendar;

/** Maps measures to the staff view; the side data of a page is fetched in three bulk queries. */
@ApplicationScoped
public class MeasureViews {

  private final MeasureRepository measures;
  private final LightRule rule;
  private final BusinessCalendar calendar;

  public MeasureViews(MeasureRepository measures, LightRule rule, BusinessCalendar calendar) {
    this.measures = measures;
    this.rule = rule;
    this.calendar = calendar;
  }

  public static LightRule.Facts facts(Measure m) {
    return new LightRule.Facts(
        m.status, m.progress, m.startDate, m.currentDeadline, m.claimedDoneOn, m.reportingMissed);
  }

  /**
   * One item: a parent's progress is computed here by the roll-up rule's Java twin from its
   * children (lists show the stored value the SQL twin wrote; RollupSqlAgreementTest: they agree).
   */
  public MeasureView one(Measure m) {
    return many(List.of(m), true).get(0);
  }

  public List<MeasureView> many(List<Measure> list) {
    return many(list, false);
  }

  private List<MeasureView> many(List<Measure> list, boolean single) {
    List<Long> ids = list.stream().map(m -> m.id).toList();
    Map<Long, List<Postponement>> postponements = measures.postponementsOf(ids);
    Map<Long, Long> pending = measures.pendingReportCounts(ids);
    Map<Long, Instant> last = measures.lastPublicEvents(ids);
    LocalDate today = calendar.today();
    Map<Long, MeasureRepository.TaskTally> tallies = measures.taskTallies(
        list.stream().filter(m -> !m.isTask()).map(m -> m.id).toList(), list.stream().filter(Measure::isTask).map(m -> m.id).toList(), today);
    return list.stream()
        .map(
            m -> {
              MeasureRepository.TaskTally tally = tallies.get(m.id);
              int progress = single && tally != null ? rolledUp(m) : m.progress;
              return view(
                  m,
                  progress,
                  tally,
                  postponements.getOrDefault(m.id, List.of()),
                  pending.getOrDefault(m.id, 0L),
                  last.get(m.id),
                  today);
            })
        .toList();
  }

  /** The roll-up rule in Java for one parent (a verified parent keeps what it has). */
  int rolledUp(Measure p) {
    if (p.status == MeasureStatus.VERIFIED) {
      return p.progress;
    }
    List<Measure> kids = measures.childrenOf(p.id);
    if (kids.isEmpty()) {
      return p.progress;
    }
    Integer primary = p.targets.stream().filter(t -> t.targetValue != null).map(t -> t.position).min(Integer::compare).orElse(null);
    List<java.math.BigDecimal> shares = primary == null ? null : kids.stream()
        .map(k -> k.targets.stream().filter(t -> t.position == primary).findFirst().map(t -> t.targetValue).orElse(null))
        .toList();
    return Rollup.progress(kids.stream().map(k -> k.progress).toList(), shares);
  }

  /** A task as the staff see it: its view as an item, with its measure, parent and region. */
  public org.duban.measure.dto.TaskView task(Measure t, String regionName) {
    MeasureView v = one(t);
    return new org.duban.measure.dto.TaskView(
        t.code, t.root.code, t.parent.code, new org.duban.measure.dto.RegionRef(t.regionCode, regionName), v.leadUnit(), t.title,
        v.startDate(), v.committedDeadline(), v.deadline(), v.status(), v.progress(), v.light(), v.overdue(), v.overdueDays(),
        v.postponements(), v.targets(), v.milestones(), v.tasks(), v.reportingMissed(), v.pendingReports(), t.sample,
        v.statusReason(), v.claimedDoneOn(), v.verifiedAt(), v.verifiedBy(), v.notes(), v.lastUpdate(), v.version(), v.createdAt(),
        v.updatedAt());
  }

  private MeasureView view(
      Measure m, int progress, MeasureRepository.TaskTally tally, List<Postponement> postponements, long pending, Instant lastUpdate,
      LocalDate today) {
    LightRule.Facts facts = new LightRule.Facts(
        m.status, progress, m.startDate, m.currentDeadline, m.claimedDoneOn, m.reportingMissed);
    return new MeasureView(
        m.code,
        m.area,
        m.title,
        m.summary,
        UnitRef.of(m.leadUnit),
        m.coUnits.stream().map(UnitRef::of).toList(),
        m.startDate,
        m.committedDeadline,
        m.currentDeadline,
        m.status,
        progress,
        rule.light(facts, today),
        rule.overdue(facts, today),
        rule.overdueDays(facts, today),
        postponements.stream()
            .map(p -> new PostponementView(p.oldDeadline, p.newDeadline, p.reason, p.approvedBy, p.approvedAt))
            .toList(),
        lastUpdate,
        m.sourceQuote,
        m.leadUnitInferred,
        List.copyOf(m.assumptions),
        m.milestones.stream()
            .map(s -> new MilestoneView(s.title, s.dueDate, s.doneOn, s.assumption))
            .toList(),
        m.targets.stream()
            .map(
                t ->
                    new TargetView(
                        t.description, plain(t.targetValue), t.unitLabel, t.dueDate, plain(t.actualValue), t.assumption, t.aggregation))
            .toList(),
        m.statusReason,
        m.claimedDoneOn,
        m.verifiedAt,
        m.verifiedBy,
        m.notes,
        pending,
        m.reportingMissed,
        m.version,
        m.createdAt,
        m.updatedAt,
        tally == null ? null : new org.duban.measure.dto.TaskTallyView(tally.total(), tally.red(), tally.yellow(), tally.green(), tally.closed()),
        m.sample);
  }

  private static java.math.BigDecimal plain(java.math.BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }
}

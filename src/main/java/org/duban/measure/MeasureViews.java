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

  public MeasureView one(Measure m) {
    return many(List.of(m)).get(0);
  }

  public List<MeasureView> many(List<Measure> list) {
    List<Long> ids = list.stream().map(m -> m.id).toList();
    Map<Long, List<Postponement>> postponements = measures.postponementsOf(ids);
    Map<Long, Long> pending = measures.pendingReportCounts(ids);
    Map<Long, Instant> last = measures.lastPublicEvents(ids);
    LocalDate today = calendar.today();
    return list.stream()
        .map(
            m ->
                view(
                    m,
                    postponements.getOrDefault(m.id, List.of()),
                    pending.getOrDefault(m.id, 0L),
                    last.get(m.id),
                    today))
        .toList();
  }

  private MeasureView view(
      Measure m, List<Postponement> postponements, long pending, Instant lastUpdate, LocalDate today) {
    LightRule.Facts facts = facts(m);
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
        m.progress,
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
                        t.description, plain(t.targetValue), t.unitLabel, t.dueDate, plain(t.actualValue), t.assumption))
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
        m.updatedAt);
  }

  private static java.math.BigDecimal plain(java.math.BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }
}

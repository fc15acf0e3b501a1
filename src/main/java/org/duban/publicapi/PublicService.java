package org.duban.publicapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.measure.Area;
import org.duban.measure.Measure;
import org.duban.measure.MeasureFilter;
import org.duban.measure.MeasureRepository;
import org.duban.measure.MeasureQueries;
import org.duban.measure.MeasureStatus;
import org.duban.measure.MeasureViews;
import org.duban.measure.dto.MeasureView;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.publicapi.dto.PublicEventView;
import org.duban.publicapi.dto.PublicMeasure;
import org.duban.publicapi.dto.PublicPostponement;
import org.duban.publicapi.dto.PublicRules;
import org.duban.publicapi.dto.PublicSummary;
import org.duban.publicapi.dto.PublicRegion;
import org.duban.publicapi.dto.PublicTask;
import org.duban.measure.dto.RegionRef;
import org.duban.measure.Light;
import org.duban.measure.LightRule;

/** What the public may read: built from allow-listed records only. */
@ApplicationScoped
public class PublicService {

  private final MeasureRepository measures;
  private final MeasureViews views;
  private final LightRule rule;
  private final BusinessCalendar calendar;
  private final org.duban.platform.TrackerConfig config;

  private final org.duban.audit.AuditAnchor anchor;
  private final PublicSql sql;
  private final org.duban.identity.Regions regions;

  public PublicService(
      MeasureRepository measures, MeasureViews views, LightRule rule, BusinessCalendar calendar,
      org.duban.platform.TrackerConfig config, org.duban.audit.AuditAnchor anchor, PublicSql sql,
      org.duban.identity.Regions regions) {
    this.anchor = anchor;
    this.sql = sql;
    this.regions = regions;
    this.measures = measures;
    this.views = views;
    this.rule = rule;
    this.calendar = calendar;
    this.config = config;
  }

  @Transactional
  public Page<PublicMeasure> list(MeasureFilter filter, PageRequest page) {
    MeasureRepository.Found found = measures.search(filter, calendar.today(), page);
    return new Page<>(
        views.many(found.items()).stream().map(PublicService::publicOf).toList(),
        page.page,
        page.size,
        found.total());
  }

  @Transactional
  public PublicMeasure get(String code) {
    MeasureQueries.requireKind(code, org.duban.measure.ItemKind.MEASURE);
    Measure m = measures.findByCode(code).orElseThrow(() -> MeasureQueries.notFound(code));
    return publicOf(views.one(m));
  }

  @Transactional
  public List<PublicEventView> timeline(String code) {
    MeasureQueries.requireKind(code, org.duban.measure.ItemKind.MEASURE);
    Measure m = measures.findByCode(code).orElseThrow(() -> MeasureQueries.notFound(code));
    return measures.timeline(m.id).stream()
        .map(e -> new PublicEventView(e.kind.name(), e.occurredAt, e.progress, e.summary, e.oldDeadline, e.newDeadline))
        .toList();
  }

  /** A measure's breakdown by city and county (404 for a task's code or an unknown measure). */
  @Transactional
  public List<PublicTask> tasks(String code) {
    MeasureQueries.requireKind(code, org.duban.measure.ItemKind.MEASURE);
    measures.findByCode(code).filter(m -> m.kind == org.duban.measure.ItemKind.MEASURE)
        .orElseThrow(() -> MeasureQueries.notFound(code));
    return sql.tasksOfMeasure(code, calendar.today(), rule.nearDeadlineDays(), rule.lagPoints());
  }

  /** The cities of the province, in code order (the public list of regions). */
  @Transactional
  public List<RegionRef> cities() {
    return regions.all().stream()
        .filter(r -> org.duban.identity.Regions.PROVINCE.equals(r.parentCode))
        .map(r -> new RegionRef(r.code, r.name))
        .toList();
  }

  /** A region's tasks per page by default, and at most: a real city's (~300) fit in one. */
  public static final int REGION_PAGE_SIZE = 1000;

  /**
   * What a region (and the regions below it) has done: its place, the counts of all its tasks, and
   * one page of them ({@code page} from 0, {@code size} tasks).
   */
  @Transactional
  public PublicRegion region(String code, int page, int size) {
    org.duban.identity.Region r = regions.region(code)
        .orElseThrow(() -> org.duban.platform.ProblemException.notFound("There is no region " + code + "."));
    RegionRef parent = r.parentCode == null ? null : regions.region(r.parentCode).map(p -> new RegionRef(p.code, p.name)).orElse(null);
    List<RegionRef> children = regions.list("parentCode = ?1 order by code", r.code).stream()
        .map(c -> new RegionRef(c.code, c.name))
        .toList();
    LocalDate today = calendar.today();
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (MeasureStatus s : MeasureStatus.values()) {
      byStatus.put(s.name(), 0L);
    }
    Map<String, Long> lights = new LinkedHashMap<>();
    for (Light l : Light.values()) {
      lights.put(l.name(), 0L);
    }
    long total = 0;
    long overdue = 0;
    for (PublicSql.RegionCount c : sql.countsInRegion(r.path, today, rule.nearDeadlineDays(), rule.lagPoints())) {
      total += c.count();
      byStatus.merge(c.status(), c.count(), Long::sum);
      lights.merge(c.light(), c.count(), Long::sum);
      overdue += c.overdue() ? c.count() : 0;
    }
    List<PublicTask> tasks = sql.tasksInRegion(r.path, today, rule.nearDeadlineDays(), rule.lagPoints(), size, (long) page * size);
    return new PublicRegion(r.code, r.name, parent, children, total, lights, byStatus, overdue, page, size, tasks);
  }

  @Transactional
  public PublicSummary summary() {
    LocalDate today = calendar.today();
    Map<String, Long> byArea = new LinkedHashMap<>();
    for (Area a : Area.values()) {
      byArea.put(a.name(), 0L);
    }
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (MeasureStatus s : MeasureStatus.values()) {
      byStatus.put(s.name(), 0L);
    }
    Map<String, Long> lights = new LinkedHashMap<>();
    for (Light l : Light.values()) {
      lights.put(l.name(), 0L);
    }
    long total = 0;
    long overdue = 0;
    for (MeasureRepository.Tally t : measures.tally(today)) {
      total += t.count();
      byArea.merge(t.area(), t.count(), Long::sum);
      byStatus.merge(t.status(), t.count(), Long::sum);
      lights.merge(t.light(), t.count(), Long::sum);
      overdue += t.overdue() ? t.count() : 0;
    }
    return new PublicSummary(total, byArea, byStatus, lights, overdue);
  }

  public PublicRules rules() {
    return new PublicRules(
        calendar.zone().getId(),
        rule.nearDeadlineDays(),
        rule.lagPoints(),
        List.of(
            new PublicRules.Rule("RED", "逾期：已过当前时限，且未在时限内申请销号", "overdue: past the current deadline and not claimed done by it"),
            new PublicRules.Rule(
                "YELLOW",
                "预警：距当前时限不足" + rule.nearDeadlineDays() + "天且未申请销号，或进度落后于时间进度超过" + rule.lagPoints() + "个百分点",
                "warning: the deadline is " + rule.nearDeadlineDays() + " days away or fewer and it is not claimed done, or progress lags the elapsed share of its time window by more than " + rule.lagPoints() + " points"),
            new PublicRules.Rule(
                "YELLOW",
                "未按期报送：牵头单位在上一轮调度窗口（每月" + config.rounds().closingDay() + "日截止）内未报送进展",
                "not reported: the lead unit did not report within the last reporting window (closing on day " + config.rounds().closingDay() + " of each month)"),
            new PublicRules.Rule("GREEN", "正常推进", "on track"),
            new PublicRules.Rule("CLOSED", "已核验销号，不再亮灯", "verified and closed: not lit")),
        config.rounds().closingDay(),
        config.notices().reminderDays(),
        config.notices().bulletinAfterDays(),
        "A measure is overdue from 00:00 (" + calendar.zone().getId() + ") on the day after its current deadline, unless it was claimed done on or before the deadline.",
        anchor.daily(1).stream().findFirst().orElse(null),
        new PublicRules.Rollup(org.duban.measure.Rollup.TEXT_ZH, org.duban.measure.Rollup.TEXT_EN, AGGREGATIONS));
  }

  /** Each way a target's actual is made from its tasks' (org.duban.measure.Rollup.Aggregation), in words. */
  static final List<PublicRules.Aggregation> AGGREGATIONS = List.of(
      new PublicRules.Aggregation("SUM", "求和：各下级任务完成值之和", "the sum of the child tasks' actuals"),
      new PublicRules.Aggregation("MEAN", "平均：各下级任务完成值的平均数，保留两位小数", "the mean of the child tasks' actuals, to 0.01"),
      new PublicRules.Aggregation("MAX", "最大：各下级任务完成值中的最大值", "the largest of the child tasks' actuals"),
      new PublicRules.Aggregation("MIN", "最小：各下级任务完成值中的最小值", "the smallest of the child tasks' actuals"),
      new PublicRules.Aggregation("COVERAGE", "覆盖：达到自身目标值的下级任务个数", "how many child tasks met their own target value"));

  static PublicMeasure publicOf(MeasureView v) {
    return new PublicMeasure(
        v.code(),
        v.area(),
        v.title(),
        v.summary(),
        v.leadUnit(),
        v.coUnits(),
        v.startDate(),
        v.committedDeadline(),
        v.deadline(),
        v.status(),
        v.progress(),
        v.light(),
        v.overdue(),
        v.overdueDays(),
        v.postponements().stream()
            .map(p -> new PublicPostponement(p.oldDeadline(), p.newDeadline(), p.reason(), p.approvedAt()))
            .toList(),
        v.lastUpdate());
  }
}

package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.duban.dashboard.dto.DashboardView;
import org.duban.dashboard.dto.OverdueRow;
import org.duban.measure.MeasureRepository;
import org.duban.measure.MeasureStatus;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.ChangeStamp;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;

/**
 * Leadership's views, computed in SQL ({@link DashboardSql}) with the same rule functions as the
 * scan (duban_overdue, duban_light) for today's date: never a loop over entities.
 */
@ApplicationScoped
public class DashboardService {

  private final DashboardSql sql;
  private final BusinessCalendar calendar;
  private final ChangeStamp stamps;
  private final MeasureRepository measures;
  private final RegionScope scopes;
  private final Map<Long, List<DashboardSql.UnitCount>> roundCounts = new java.util.concurrent.ConcurrentHashMap<>();

  public DashboardService(DashboardSql sql, BusinessCalendar calendar, ChangeStamp stamps, MeasureRepository measures, RegionScope scopes) {
    this.sql = sql;
    this.calendar = calendar;
    this.stamps = stamps;
    this.measures = measures;
    this.scopes = scopes;
  }

  /** The scope of {@code region=} for this actor (400 unknown region, 403 outside the account's region). */
  @Transactional
  public RegionScope.Scope scope(String region, org.duban.platform.Actor actor) {
    return scopes.of(region, actor);
  }

  @Transactional
  public Page<OverdueRow> overdue(PageRequest page) {
    return overdue(OverdueFilter.ALL, page);
  }

  /** A page of the overdue report, narrowed by area and unit, in the filter's order. */
  @Transactional
  public Page<OverdueRow> overdue(OverdueFilter filter, PageRequest page) {
    LocalDate today = calendar.today();
    return new Page<>(sql.overdue(today, filter, page.size, page.offset()), page.page, page.size, sql.overdueCount(today, filter));
  }

  /** Streams every overdue measure to the consumer without holding them all (exports). */
  @Transactional
  public void eachOverdue(Consumer<OverdueRow> consumer) {
    eachOverdue(OverdueFilter.ALL, consumer);
  }

  /** The same, narrowed and ordered by the filter. */
  @Transactional
  public void eachOverdue(OverdueFilter filter, Consumer<OverdueRow> consumer) {
    sql.eachOverdue(calendar.today(), filter, consumer);
  }

  /** The dispatch rounds that closed with their ledger kept, newest first (the ledger page's choice). */
  @Transactional
  public java.util.List<KeptRound> keptRounds() {
    return sql.keptRounds();
  }

  /** One line of the ledger (台账). */
  public record LedgerRow(
      String area, String code, String title, String lead, String coUnits, LocalDate committedDeadline,
      LocalDate deadline, String progressText, int progress, String status, String light, java.time.Instant lastReportAt) {}

  /** One line of the tasks ledger (任务台账). */
  public record TaskLedgerRow(
      String regionCode, String regionName, String measure, String code, String title, String unit, LocalDate committedDeadline,
      LocalDate deadline, int progress, String status, String light, java.time.Instant lastReportAt, boolean sample) {}

  /** A closed dispatch round whose ledger was kept. */
  public record KeptRound(long id, String code, LocalDate closesOn) {}

  /** The round of {@code ?round=} (e.g. 2021-06): 404 unless it closed with its ledger kept. */
  @Transactional
  public KeptRound keptRound(String code) {
    if (!code.matches("^\\d{4}-(0[1-9]|1[0-2])$")) {
      throw ProblemException.invalid("round", "must be a month such as 2021-06");
    }
    DashboardSql.RoundState r = sql.round(code).orElseThrow(() -> ProblemException.notFound("There is no dispatch round " + code + "."));
    if (!r.closed()) {
      throw ProblemException.notFound("Round " + code + " has not closed yet: its ledger is today's (leave out round).");
    }
    if (!r.ledgerKept()) {
      throw ProblemException.notFound(
          "No ledger was kept for round " + code + ": it closed in a catch-up after downtime, when its state was no longer known.");
    }
    return new KeptRound(r.id(), code, r.closesOn());
  }

  /** Streams the ledger in ledger order (area, code) without holding it: today's, or as kept when a round closed. */
  @Transactional
  public void eachLedgerRow(KeptRound round, Consumer<LedgerRow> consumer) {
    eachLedgerRow(round, RegionScope.Scope.WHOLE, consumer);
  }

  /**
   * The same within a scope: the measures sit at the province, so a city's or county's ledger has
   * no measure lines (its tasks are in {@link #eachLedgerTask}).
   */
  @Transactional
  public void eachLedgerRow(KeptRound round, RegionScope.Scope scope, Consumer<LedgerRow> consumer) {
    if (scope.local()) {
      return;
    }
    if (round == null) {
      sql.eachLedgerRow(calendar.today(), consumer);
    } else {
      sql.eachKeptLedgerRow(round.id(), consumer);
    }
  }

  /** Streams the tasks ledger (region, measure) in the scope: today's, or as kept when a round closed. */
  @Transactional
  public void eachLedgerTask(KeptRound round, RegionScope.Scope scope, Consumer<TaskLedgerRow> consumer) {
    if (round == null) {
      sql.eachLedgerTask(calendar.today(), scope.path(), consumer);
    } else {
      sql.eachKeptLedgerTask(round.id(), scope.path(), consumer);
    }
  }

  @Transactional
  public DashboardView dashboard() {
    return dashboard(RegionScope.Scope.WHOLE);
  }

  /** The dashboard of a scope (see {@link #scope}): rebuilt when anything changed (the change stamp) or the day turned. */
  @Transactional
  public DashboardView dashboard(RegionScope.Scope scope) {
    LocalDate today = calendar.today();
    return stamps.cached("dashboard:" + scope.code() + (scope.region() == null ? "" : ":r"), today, () -> computeDashboard(today, scope));
  }

  private DashboardView computeDashboard(LocalDate today, RegionScope.Scope scope) {
    Map<String, Long> areaLight = new java.util.TreeMap<>();
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (MeasureStatus s : MeasureStatus.values()) {
      byStatus.put(s.name(), 0L);
    }
    long total = 0;
    long overdueTotal = 0;
    for (MeasureRepository.Tally t : scope.local() ? sql.localTally(today, scope.path()) : measures.tally(today)) {
      total += t.count();
      areaLight.merge(t.area() + "\u001f" + t.light(), t.count(), Long::sum);
      byStatus.merge(t.status(), t.count(), Long::sum);
      if (t.overdue() && !scope.local()) {
        overdueTotal += t.count(); // the province's overdue measures; the tasks' are counted below
      }
    }
    List<DashboardView.AreaLight> byAreaLight = new ArrayList<>();
    areaLight.forEach((k, n) -> {
      String[] parts = k.split("\u001f", 2);
      byAreaLight.add(new DashboardView.AreaLight(parts[0], parts[1], n));
    });
    // the tasks in scope by region and light (one statement), summed up each child region's subtree
    List<DashboardSql.RegionLight> counted = sql.tasksByRegionAndLight(today, scope.path());
    List<DashboardSql.ChildRegion> kids = sql.childRegions(scope.code());
    List<DashboardView.RegionRow> byRegion = kids.stream().map(k -> regionRow(k, counted)).toList();
    List<DashboardView.RegionRow> mostOverdue = byRegion.stream()
        .filter(r -> r.overdue() > 0)
        .sorted(java.util.Comparator.comparingLong(DashboardView.RegionRow::overdue).reversed().thenComparing(DashboardView.RegionRow::code))
        .limit(5)
        .toList();
    // the overdue rows (measures and tasks) as the overdue report counts them: a task is overdue exactly when its light is red
    overdueTotal += counted.stream().filter(c -> "RED".equals(c.light())).mapToLong(DashboardSql.RegionLight::tasks).sum();
    // and the rectification items (by unit: one statement)
    List<DashboardView.UnitRectifications> rectifications = sql.rectificationsByUnit(today, scope.path());
    overdueTotal += rectifications.stream().mapToLong(DashboardView.UnitRectifications::overdue).sum();
    return new DashboardView(today, total, byAreaLight, byStatus, overdueTotal,
        sql.overdue(today, OverdueFilter.ALL.within(scope), 20, 0), compliance(scope), trend(today),
        scope.region() == null ? null : new org.duban.measure.dto.RegionRef(scope.region().code, scope.region().name),
        byRegion, mostOverdue, regionCompliance(scope, kids), rectifications);
  }

  /** One child region's row: the counted tasks of the regions in its subtree. */
  private static DashboardView.RegionRow regionRow(DashboardSql.ChildRegion kid, List<DashboardSql.RegionLight> counted) {
    long tasks = 0;
    long progress = 0;
    Map<String, Long> byLight = new java.util.HashMap<>();
    for (DashboardSql.RegionLight c : counted) {
      if (c.regionPath().equals(kid.path()) || c.regionPath().startsWith(kid.path() + "/")) {
        tasks += c.tasks();
        progress += c.progress();
        byLight.merge(c.light(), c.tasks(), Long::sum);
      }
    }
    // the mean rounded half up, as round(avg(progress)) in SQL (progress is never negative)
    Integer mean = tasks == 0 ? null : java.math.BigDecimal.valueOf(progress)
        .divide(java.math.BigDecimal.valueOf(tasks), 0, java.math.RoundingMode.HALF_UP).intValue();
    long red = byLight.getOrDefault("RED", 0L);
    return new DashboardView.RegionRow(kid.code(), kid.name(), tasks, red, byLight.getOrDefault("YELLOW", 0L),
        byLight.getOrDefault("GREEN", 0L), byLight.getOrDefault("CLOSED", 0L), red, mean);
  }

  /**
   * Reporting in the last closed round by the region of each lead unit, for each child region: the
   * round's counts by unit (counted once a round, {@link #roundCounts}) summed by where each unit
   * sits now (read afresh: a unit may move to another region after the round closed).
   */
  private List<DashboardView.RegionCompliance> regionCompliance(RegionScope.Scope scope, List<DashboardSql.ChildRegion> kids) {
    return sql.lastClosedRound().map(round -> {
      List<DashboardSql.UnitCount> counts = roundCounts.computeIfAbsent(round.id(), sql::roundCounts);
      Map<String, String> unitPaths = sql.unitRegionPaths();
      return kids.stream().map(k -> {
        long items = 0;
        long reported = 0;
        long missed = 0;
        for (DashboardSql.UnitCount u : counts) {
          String path = unitPaths.get(u.unit());
          if (path != null && (path.equals(k.path()) || path.startsWith(k.path() + "/"))) {
            items += u.measures();
            reported += u.reported();
            missed += u.missed();
          }
        }
        return new DashboardView.RegionCompliance(k.code(), k.name(), items, reported, missed);
      }).toList();
    }).orElse(List.of());
  }

  /** The last closed round's reporting by unit: within a city or county, its own units only. */
  private DashboardView.Compliance compliance(RegionScope.Scope scope) {
    return sql.lastClosedRound().map(round -> {
      // a closed round's results never change: counted once per round, unit names read fresh
      List<DashboardSql.UnitCount> counts = roundCounts.computeIfAbsent(round.id(), sql::roundCounts);
      if (scope.local()) {
        java.util.Set<String> within = sql.unitsWithin(scope.path());
        counts = counts.stream().filter(u -> within.contains(u.unit())).toList();
      }
      Map<String, String> names = sql.unitNames();
      return new DashboardView.Compliance(round.code(), round.opensOn(), round.closesOn(),
          counts.stream()
              .map(u -> new DashboardView.UnitCompliance(u.unit(), names.get(u.unit()), u.measures(), u.reported(), u.missed()))
              .toList());
    }).orElse(null);
  }

  private List<DashboardView.TrendPoint> trend(LocalDate today) {
    return sql.trend(today.minusDays(90)).stream().map(t -> new DashboardView.TrendPoint(t.day(), t.light(), t.count())).toList();
  }
}

package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.duban.dashboard.dto.OverdueRow;
import org.duban.measure.Area;
import org.duban.measure.LightRule;
import org.duban.measure.dto.RegionRef;
import org.duban.measure.dto.UnitRef;
import org.duban.platform.SqlValues;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.query.NativeQuery;

/**
 * Every SQL statement of the dashboard feature, each beside the record its rows become (read by
 * column name): the overdue
 * report (page, export, the 20 longest), the ledger (today's, or as kept when a round closed), the
 * last closed round's reporting, the trend. Every value is bound; the rules are the SQL functions
 * of R__rules.sql (duban_overdue, duban_ledger), never restated here; the order of areas is the
 * {@link Area} enum's, bound as a parameter.
 */
@ApplicationScoped
public class DashboardSql {

  /** Overdue now; the deadline bound lets the planner walk the deadline index. */
  static final String OVERDUE_WHERE =
      " where m.current_deadline < :today and duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today)";

  /**
   * This region and below, off when :path is null: the region table is small, and the measure side
   * is a semi-join on measure.region_code (indexed).
   */
  static final String REGION_WHERE =
      " and (cast(:path as text) is null or m.region_code in (select rp.code from region rp where rp.path like cast(:path as text) || '%'))";

  /**
   * The report's filters, each off when its value is null: the area, and the unit as lead or
   * co-unit. Bound, so the text never changes with the filter.
   */
  static final String FILTER_WHERE =
      " and (cast(:area as text) is null or m.area = cast(:area as text))"
          + " and (cast(:unit as text) is null or m.lead_unit_code = cast(:unit as text)"
          + "   or exists (select 1 from measure_co_unit fc where fc.measure_id = m.id and fc.unit_code = cast(:unit as text)))"
          + REGION_WHERE;

  /** Longest overdue first (earliest deadline) unless :longest is false; then by code. */
  static final String OVERDUE_ORDER =
      " order by case when cast(:longest as boolean) then m.current_deadline end asc,"
          + " case when not cast(:longest as boolean) then m.current_deadline end desc, m.code";

  /** Areas in the catalogue's order (Area's), for ORDER BY array_position(...). */
  static final String AREA_ORDER = Arrays.stream(Area.values()).map(Area::name).collect(Collectors.joining(","));

  private final EntityManager em;
  private final LightRule rule;

  public DashboardSql(EntityManager em, LightRule rule) {
    this.em = em;
    this.rule = rule;
  }

  /**
   * The overdue rows, longest overdue first. The page is chosen on the measure table alone (deadline
   * order), and only its rows are joined to units, reports and postponements.
   */
  static String overdueSelect(String limit) {
    return "select m.code, m.area, m.title, u.code as lead_code, u.name as lead_name,"
        + " (select string_agg(cu.code || chr(31) || cu.name, chr(30) order by cu.code) from measure_co_unit mc"
        + "   join unit cu on cu.code = mc.unit_code where mc.measure_id = m.id) as co_units,"
        + " m.committed_deadline, m.current_deadline, :today - m.current_deadline as days, m.status, m.progress,"
        + " lr.submitted_at, lr.public_summary,"
        + " (select count(*) from postponement p where p.measure_id = m.id) as postponements,"
        + " m.kind, m.region_code, rg.name as region_name"
        + " from (select m.* from measure m" + OVERDUE_WHERE + FILTER_WHERE + OVERDUE_ORDER + limit + ") m"
        + " join unit u on u.code = m.lead_unit_code"
        + " join region rg on rg.code = m.region_code"
        + " left join lateral (select r.submitted_at, r.public_summary from progress_report r"
        + "   where r.measure_id = m.id and r.state = 'ACCEPTED' order by r.submitted_at desc limit 1) lr on true"
        + OVERDUE_ORDER;
  }

  /** One row of {@link #overdueSelect}, by column name. */
  static OverdueRow overdueRow(Tuple r) {
    List<UnitRef> co = new ArrayList<>();
    String coUnits = r.get("co_units", String.class);
    if (coUnits != null) {
      for (String pair : coUnits.split("\u001e")) {
        String[] parts = pair.split("\u001f", 2);
        co.add(new UnitRef(parts[0], parts.length > 1 ? parts[1] : null));
      }
    }
    return new OverdueRow(
        r.get("code", String.class), r.get("area", String.class), r.get("title", String.class),
        new UnitRef(r.get("lead_code", String.class), r.get("lead_name", String.class)), co,
        SqlValues.date(r.get("committed_deadline")), SqlValues.date(r.get("current_deadline")),
        ((Number) r.get("days")).longValue(), r.get("status", String.class), ((Number) r.get("progress")).intValue(),
        SqlValues.instant(r.get("submitted_at")), r.get("public_summary", String.class), ((Number) r.get("postponements")).longValue(),
        r.get("kind", String.class), new RegionRef(r.get("region_code", String.class), r.get("region_name", String.class)));
  }

  long overdueCount(LocalDate today, OverdueFilter filter) {
    var query = em.createNativeQuery("select count(*) from measure m" + OVERDUE_WHERE + FILTER_WHERE).setParameter("today", today);
    bindFilter(query, filter, false);
    return ((Number) query.getSingleResult()).longValue();
  }

  private static void bindFilter(jakarta.persistence.Query query, OverdueFilter filter, boolean ordered) {
    query.setParameter("area", filter.area() == null ? null : filter.area().name());
    query.setParameter("unit", filter.unit());
    query.setParameter("path", filter.regionPath());
    if (ordered) {
      query.setParameter("longest", filter.longestFirst());
    }
  }

  @SuppressWarnings("unchecked")
  List<OverdueRow> overdue(LocalDate today, OverdueFilter filter, int limit, long offset) {
    var query = em.createNativeQuery(overdueSelect(" limit :limit offset :offset"), Tuple.class);
    bindFilter(query, filter, true);
    List<Tuple> rows =
        query
            .setParameter("today", today)
            .setParameter("limit", limit)
            .setParameter("offset", offset)
            .getResultList();
    return rows.stream().map(DashboardSql::overdueRow).toList();
  }

  void eachOverdue(LocalDate today, OverdueFilter filter, Consumer<OverdueRow> consumer) {
    NativeQuery<?> query = em.createNativeQuery(overdueSelect(""), Tuple.class).unwrap(NativeQuery.class).setParameter("today", today);
    bindFilter(query, filter, true);
    scroll(query, r -> consumer.accept(overdueRow(r)));
  }

  /** A dispatch round as the ledger's ?round= needs it. */
  record RoundState(long id, LocalDate closesOn, boolean closed, boolean ledgerKept) {}

  @SuppressWarnings("unchecked")
  Optional<RoundState> round(String code) {
    List<Tuple> rows =
        em.createNativeQuery("select id, closes_on, closed_at, ledger_rows from dispatch_round where code = :code", Tuple.class)
            .setParameter("code", code)
            .getResultList();
    return rows.stream().findFirst()
        .map(r -> new RoundState(((Number) r.get("id")).longValue(), SqlValues.date(r.get("closes_on")), r.get("closed_at") != null,
            r.get("ledger_rows") != null));
  }

  /** The closed rounds whose ledger was kept, newest first. */
  @SuppressWarnings("unchecked")
  List<DashboardService.KeptRound> keptRounds() {
    List<Tuple> rows =
        em.createNativeQuery("select id, code, closes_on from dispatch_round where closed_at is not null and ledger_rows is not null"
                + " order by closes_on desc", Tuple.class)
            .getResultList();
    return rows.stream()
        .map(r -> new DashboardService.KeptRound(((Number) r.get("id")).longValue(), r.get("code", String.class), SqlValues.date(r.get("closes_on"))))
        .toList();
  }

  private static final String LEDGER_COLUMNS =
      "select l.area, l.code, l.title, l.lead_unit, l.co_units, l.committed_deadline, l.deadline, l.progress_text,"
          + " l.progress, l.status, l.light, l.last_report_at";
  private static final String LEDGER_ORDER = " order by array_position(string_to_array(:areas, ','), l.area::text), l.code";

  /** Today's ledger (duban_ledger) in ledger order, streamed. */
  void eachLedgerRow(LocalDate today, Consumer<DashboardService.LedgerRow> consumer) {
    NativeQuery<?> query =
        em.createNativeQuery(LEDGER_COLUMNS + " from duban_ledger(:today, :near, :lag) l" + LEDGER_ORDER, Tuple.class)
            .unwrap(NativeQuery.class)
            .setParameter("today", today)
            .setParameter("near", rule.nearDeadlineDays())
            .setParameter("lag", rule.lagPoints())
            .setParameter("areas", AREA_ORDER);
    scroll(query, r -> consumer.accept(ledgerRow(r)));
  }

  /** The ledger as kept when the round closed, in ledger order, streamed. */
  void eachKeptLedgerRow(long roundId, Consumer<DashboardService.LedgerRow> consumer) {
    NativeQuery<?> query =
        em.createNativeQuery(LEDGER_COLUMNS + " from ledger_snapshot l where l.round_id = :round" + LEDGER_ORDER, Tuple.class)
            .unwrap(NativeQuery.class)
            .setParameter("round", roundId)
            .setParameter("areas", AREA_ORDER);
    scroll(query, r -> consumer.accept(ledgerRow(r)));
  }

  private static DashboardService.LedgerRow ledgerRow(Tuple r) {
    return new DashboardService.LedgerRow(r.get("area", String.class), r.get("code", String.class), r.get("title", String.class),
        r.get("lead_unit", String.class), r.get("co_units", String.class), SqlValues.date(r.get("committed_deadline")),
        SqlValues.date(r.get("deadline")), r.get("progress_text", String.class), ((Number) r.get("progress")).intValue(),
        r.get("status", String.class), r.get("light", String.class), SqlValues.instant(r.get("last_report_at")));
  }

  private static final String TASK_LEDGER_COLUMNS =
      "select l.region_code, l.region_name, l.measure_code, l.code, l.title, l.unit, l.committed_deadline, l.deadline,"
          + " l.progress, l.status, l.light, l.last_report_at,"
          // illustrative demo data (示例数据): the task's own flag (a kept line's task still exists: tasks are never deleted)
          + " coalesce((select m.sample from measure m where m.code = l.code), false) as sample";
  /** Tasks by region: regions in their tree's order (path), then by measure. */
  private static final String TASK_LEDGER_WHERE =
      " where (cast(:path as text) is null or l.region_code in (select rp.code from region rp where rp.path like cast(:path as text) || '%'))"
          + " order by (select rp.path from region rp where rp.code = l.region_code), l.measure_code, l.code";

  /** Today's tasks ledger (duban_ledger_tasks) in the region and below (path null: all), streamed. */
  void eachLedgerTask(LocalDate today, String path, Consumer<DashboardService.TaskLedgerRow> consumer) {
    NativeQuery<?> query =
        em.createNativeQuery(TASK_LEDGER_COLUMNS + " from duban_ledger_tasks(:today, :near, :lag) l" + TASK_LEDGER_WHERE, Tuple.class)
            .unwrap(NativeQuery.class)
            .setParameter("today", today)
            .setParameter("near", rule.nearDeadlineDays())
            .setParameter("lag", rule.lagPoints())
            .setParameter("path", path);
    scroll(query, r -> consumer.accept(taskLedgerRow(r)));
  }

  /** The tasks ledger as kept when the round closed, streamed. */
  void eachKeptLedgerTask(long roundId, String path, Consumer<DashboardService.TaskLedgerRow> consumer) {
    NativeQuery<?> query =
        em.createNativeQuery(TASK_LEDGER_COLUMNS + " from (select * from ledger_task_snapshot s where s.round_id = :round) l" + TASK_LEDGER_WHERE,
                Tuple.class)
            .unwrap(NativeQuery.class)
            .setParameter("round", roundId)
            .setParameter("path", path);
    scroll(query, r -> consumer.accept(taskLedgerRow(r)));
  }

  private static DashboardService.TaskLedgerRow taskLedgerRow(Tuple r) {
    return new DashboardService.TaskLedgerRow(r.get("region_code", String.class), r.get("region_name", String.class),
        r.get("measure_code", String.class), r.get("code", String.class), r.get("title", String.class), r.get("unit", String.class),
        SqlValues.date(r.get("committed_deadline")), SqlValues.date(r.get("deadline")), ((Number) r.get("progress")).intValue(),
        r.get("status", String.class), r.get("light", String.class), SqlValues.instant(r.get("last_report_at")),
        Boolean.TRUE.equals(r.get("sample")));
  }

  /**
   * The regions one level below :parent (its children; the region itself when it has none), each
   * with the path its subtree starts with.
   */
  static final String CHILD_REGIONS =
      "with kids as (select k.code, k.name, k.path from region k where k.parent_code = :parent"
          + " union all select k.code, k.name, k.path from region k where k.code = :parent"
          + "   and not exists (select 1 from region c where c.parent_code = :parent))";

  /** A child region of the region view: its code, name and the path its subtree starts with. */
  record ChildRegion(String code, String name, String path) {}

  /** The regions one level below :parent (the region itself when it has none), by code. */
  @SuppressWarnings("unchecked")
  List<ChildRegion> childRegions(String parent) {
    List<Tuple> rows = em.createNativeQuery(CHILD_REGIONS + " select k.code, k.name, k.path from kids k order by k.code", Tuple.class)
        .setParameter("parent", parent)
        .getResultList();
    return rows.stream().map(r -> new ChildRegion(r.get("code", String.class), r.get("name", String.class), r.get("path", String.class))).toList();
  }

  /** The tasks of one region (its own, not below) with one light: how many, their progress summed. */
  record RegionLight(String regionCode, String regionPath, String light, long tasks, long progress) {}

  /**
   * The tasks in the region of :path and below (null: all) counted by their own region and light, the
   * rule evaluated once a task, read from the covering index measure_rule_inputs_idx alone: one
   * statement whose few rows the region view sums up each child's subtree, and whose red lights are
   * the overdue tasks (duban_light is RED exactly when duban_overdue holds).
   */
  @SuppressWarnings("unchecked")
  List<RegionLight> tasksByRegionAndLight(LocalDate today, String path) {
    List<Tuple> rows =
        em.createNativeQuery("select c.region_code, rg.path, c.light, c.n, c.progress from"
                    + " (select t.region_code, l.light, count(*) as n, sum(t.progress) as progress"
                    + "   from measure t cross join lateral (select duban_light(t.status, t.progress, t.start_date, t.current_deadline,"
                    + "     t.claimed_done_on, t.reporting_missed, :today, :near, :lag) as light) l"
                    + "   where t.kind = 'TASK'" + REGION_WHERE.replace("m.region_code", "t.region_code")
                    + "   group by t.region_code, l.light) c"
                    + " join region rg on rg.code = c.region_code", Tuple.class)
            .setParameter("today", today)
            .setParameter("near", rule.nearDeadlineDays())
            .setParameter("lag", rule.lagPoints())
            .setParameter("path", path)
            .getResultList();
    return rows.stream()
        .map(r -> new RegionLight(r.get("region_code", String.class), r.get("path", String.class), r.get("light", String.class),
            num(r, "n"), num(r, "progress")))
        .toList();
  }

  /** The rectification items in the region of :path and below (null: all) by responsible unit: open, overdue, closed. */
  @SuppressWarnings("unchecked")
  List<org.duban.dashboard.dto.DashboardView.UnitRectifications> rectificationsByUnit(LocalDate today, String path) {
    List<Tuple> rows =
        em.createNativeQuery("select m.lead_unit_code as unit, u.name, count(*) filter (where m.status <> 'VERIFIED') as open,"
                    + " count(*) filter (where duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today)) as overdue,"
                    + " count(*) filter (where m.status = 'VERIFIED') as closed"
                    + " from measure m join unit u on u.code = m.lead_unit_code where m.kind = 'RECTIFICATION'" + REGION_WHERE
                    + " group by m.lead_unit_code, u.name order by 4 desc, 3 desc, 1", Tuple.class)
            .setParameter("today", today)
            .setParameter("path", path)
            .getResultList();
    return rows.stream()
        .map(r -> new org.duban.dashboard.dto.DashboardView.UnitRectifications(r.get("unit", String.class), r.get("name", String.class),
            num(r, "open"), num(r, "overdue"), num(r, "closed")))
        .toList();
  }

  /** Within a city or county: its tasks (there and below) by area, light, status and overdue, as MeasureRepository.tally counts measures. */
  @SuppressWarnings("unchecked")
  List<org.duban.measure.MeasureRepository.Tally> localTally(LocalDate today, String path) {
    List<Tuple> rows =
        em.createNativeQuery(
                "select m.area, duban_light(m.status, m.progress, m.start_date, m.current_deadline, m.claimed_done_on,"
                    + " m.reporting_missed, :today, :near, :lag) as light, m.status,"
                    + " duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today) as overdue, count(*) as count"
                    + " from measure m where m.kind = 'TASK'" + REGION_WHERE + " group by 1, 2, 3, 4", Tuple.class)
            .setParameter("today", today)
            .setParameter("near", rule.nearDeadlineDays())
            .setParameter("lag", rule.lagPoints())
            .setParameter("path", path)
            .getResultList();
    return rows.stream()
        .map(r -> new org.duban.measure.MeasureRepository.Tally(r.get("area", String.class), r.get("light", String.class),
            r.get("status", String.class), Boolean.TRUE.equals(r.get("overdue")), num(r, "count")))
        .toList();
  }

  private static long num(Tuple r, String column) {
    return ((Number) r.get(column)).longValue();
  }

  /** The last closed dispatch round. */
  record ClosedRound(long id, String code, LocalDate opensOn, LocalDate closesOn) {}

  @SuppressWarnings("unchecked")
  Optional<ClosedRound> lastClosedRound() {
    List<Tuple> rows =
        em.createNativeQuery(
                "select id, code, opens_on, closes_on from dispatch_round where closed_at is not null order by closes_on desc limit 1", Tuple.class)
            .getResultList();
    return rows.stream().findFirst()
        .map(r -> new ClosedRound(((Number) r.get("id")).longValue(), r.get("code", String.class), SqlValues.date(r.get("opens_on")),
            SqlValues.date(r.get("closes_on"))));
  }

  /** How a lead unit reported in a round: its measures, reported, missed. */
  record UnitCount(String unit, long measures, long reported, long missed) {}

  @SuppressWarnings("unchecked")
  List<UnitCount> roundCounts(long roundId) {
    List<Tuple> rows =
        em.createNativeQuery(
                "select rr.lead_unit_code as unit, count(*) as measures, count(*) filter (where rr.reported) as reported,"
                    + " count(*) filter (where not rr.reported) as missed"
                    + " from round_result rr where rr.round_id = :round group by 1 order by 1", Tuple.class)
            .setParameter("round", roundId)
            .getResultList();
    return rows.stream()
        .map(u -> new UnitCount(u.get("unit", String.class), ((Number) u.get("measures")).longValue(),
            ((Number) u.get("reported")).longValue(), ((Number) u.get("missed")).longValue()))
        .toList();
  }

  /** The codes of the units that sit in the region of {@code path} or below. */
  @SuppressWarnings("unchecked")
  java.util.Set<String> unitsWithin(String path) {
    List<String> codes = em.createNativeQuery("select u.code from unit u join region r on r.code = u.region_code where r.path like :path")
        .setParameter("path", path + "%")
        .getResultList();
    return new java.util.HashSet<>(codes);
  }

  /** Every unit's region path by unit code. */
  @SuppressWarnings("unchecked")
  java.util.Map<String, String> unitRegionPaths() {
    java.util.Map<String, String> paths = new java.util.HashMap<>();
    List<Tuple> rows = em.createNativeQuery("select u.code, r.path from unit u join region r on r.code = u.region_code", Tuple.class).getResultList();
    rows.forEach(u -> paths.put(u.get("code", String.class), u.get("path", String.class)));
    return paths;
  }

  /** Every unit's name by code. */
  @SuppressWarnings("unchecked")
  java.util.Map<String, String> unitNames() {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    List<Tuple> rows = em.createNativeQuery("select code, name from unit", Tuple.class).getResultList();
    rows.forEach(u -> names.put(u.get("code", String.class), u.get("name", String.class)));
    return names;
  }

  /** Lights per day from the scans' daily snapshots. */
  record DayLight(LocalDate day, String light, long count) {}

  @SuppressWarnings("unchecked")
  List<DayLight> trend(LocalDate since) {
    List<Tuple> rows =
        em.createNativeQuery(
                "select day, light, sum(count) as count from scan_snapshot where day > :since group by day, light order by day, light", Tuple.class)
            .setParameter("since", since)
            .getResultList();
    return rows.stream()
        .map(t -> new DayLight(SqlValues.date(t.get("day")), t.get("light", String.class), ((Number) t.get("count")).longValue()))
        .toList();
  }

  private static void scroll(NativeQuery<?> query, Consumer<Tuple> each) {
    query.setFetchSize(500);
    try (ScrollableResults<?> rows = query.scroll(ScrollMode.FORWARD_ONLY)) {
      while (rows.next()) {
        each.accept((Tuple) rows.get());
      }
    }
  }
}

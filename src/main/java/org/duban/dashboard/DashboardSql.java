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
   * The report's filters, each off when its value is null: the area, and the unit as lead or
   * co-unit. Bound, so the text never changes with the filter.
   */
  static final String FILTER_WHERE =
      " and (cast(:area as text) is null or m.area = cast(:area as text))"
          + " and (cast(:unit as text) is null or m.lead_unit_code = cast(:unit as text)"
          + "   or exists (select 1 from measure_co_unit fc where fc.measure_id = m.id and fc.unit_code = cast(:unit as text)))";

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
        + " (select count(*) from postponement p where p.measure_id = m.id) as postponements"
        + " from (select m.* from measure m" + OVERDUE_WHERE + FILTER_WHERE + OVERDUE_ORDER + limit + ") m"
        + " join unit u on u.code = m.lead_unit_code"
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
        SqlValues.instant(r.get("submitted_at")), r.get("public_summary", String.class), ((Number) r.get("postponements")).longValue());
  }

  long overdueCount(LocalDate today, OverdueFilter filter) {
    var query = em.createNativeQuery("select count(*) from measure m" + OVERDUE_WHERE + FILTER_WHERE).setParameter("today", today);
    bindFilter(query, filter, false);
    return ((Number) query.getSingleResult()).longValue();
  }

  private static void bindFilter(jakarta.persistence.Query query, OverdueFilter filter, boolean ordered) {
    query.setParameter("area", filter.area() == null ? null : filter.area().name());
    query.setParameter("unit", filter.unit());
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

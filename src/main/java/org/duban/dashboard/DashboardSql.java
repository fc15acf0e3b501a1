package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
 * Every SQL statement of the dashboard feature, each beside the record its rows become: the overdue
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
        + " from (select m.* from measure m" + OVERDUE_WHERE + " order by m.current_deadline, m.code" + limit + ") m"
        + " join unit u on u.code = m.lead_unit_code"
        + " left join lateral (select r.submitted_at, r.public_summary from progress_report r"
        + "   where r.measure_id = m.id and r.state = 'ACCEPTED' order by r.submitted_at desc limit 1) lr on true"
        + " order by m.current_deadline, m.code";
  }

  /** One row of {@link #overdueSelect}, in its select list's order. */
  static OverdueRow overdueRow(Object[] r) {
    List<UnitRef> co = new ArrayList<>();
    if (r[5] != null) {
      for (String pair : ((String) r[5]).split("\u001e")) {
        String[] parts = pair.split("\u001f", 2);
        co.add(new UnitRef(parts[0], parts.length > 1 ? parts[1] : null));
      }
    }
    return new OverdueRow(
        (String) r[0], (String) r[1], (String) r[2], new UnitRef((String) r[3], (String) r[4]), co, SqlValues.date(r[6]), SqlValues.date(r[7]),
        ((Number) r[8]).longValue(), (String) r[9], ((Number) r[10]).intValue(),
        SqlValues.instant(r[11]), (String) r[12], ((Number) r[13]).longValue());
  }

  long overdueCount(LocalDate today) {
    return ((Number) em.createNativeQuery("select count(*) from measure m" + OVERDUE_WHERE).setParameter("today", today).getSingleResult())
        .longValue();
  }

  @SuppressWarnings("unchecked")
  List<OverdueRow> overdue(LocalDate today, int limit, long offset) {
    List<Object[]> rows =
        em.createNativeQuery(overdueSelect(" limit :limit offset :offset"))
            .setParameter("today", today)
            .setParameter("limit", limit)
            .setParameter("offset", offset)
            .getResultList();
    return rows.stream().map(DashboardSql::overdueRow).toList();
  }

  void eachOverdue(LocalDate today, Consumer<OverdueRow> consumer) {
    NativeQuery<?> query = em.createNativeQuery(overdueSelect("")).unwrap(NativeQuery.class).setParameter("today", today);
    scroll(query, r -> consumer.accept(overdueRow(r)));
  }

  /** A dispatch round as the ledger's ?round= needs it. */
  record RoundState(long id, LocalDate closesOn, boolean closed, boolean ledgerKept) {}

  @SuppressWarnings("unchecked")
  Optional<RoundState> round(String code) {
    List<Object[]> rows =
        em.createNativeQuery("select id, closes_on, closed_at, ledger_rows from dispatch_round where code = :code")
            .setParameter("code", code)
            .getResultList();
    return rows.stream().findFirst()
        .map(r -> new RoundState(((Number) r[0]).longValue(), SqlValues.date(r[1]), r[2] != null, r[3] != null));
  }

  private static final String LEDGER_COLUMNS =
      "select l.area, l.code, l.title, l.lead_unit, l.co_units, l.committed_deadline, l.deadline, l.progress_text,"
          + " l.progress, l.status, l.light, l.last_report_at";
  private static final String LEDGER_ORDER = " order by array_position(string_to_array(:areas, ','), l.area::text), l.code";

  /** Today's ledger (duban_ledger) in ledger order, streamed. */
  void eachLedgerRow(LocalDate today, Consumer<DashboardService.LedgerRow> consumer) {
    NativeQuery<?> query =
        em.createNativeQuery(LEDGER_COLUMNS + " from duban_ledger(:today, :near, :lag) l" + LEDGER_ORDER)
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
        em.createNativeQuery(LEDGER_COLUMNS + " from ledger_snapshot l where l.round_id = :round" + LEDGER_ORDER)
            .unwrap(NativeQuery.class)
            .setParameter("round", roundId)
            .setParameter("areas", AREA_ORDER);
    scroll(query, r -> consumer.accept(ledgerRow(r)));
  }

  private static DashboardService.LedgerRow ledgerRow(Object[] r) {
    return new DashboardService.LedgerRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], SqlValues.date(r[5]),
        SqlValues.date(r[6]), (String) r[7], ((Number) r[8]).intValue(), (String) r[9], (String) r[10], SqlValues.instant(r[11]));
  }

  /** The last closed dispatch round. */
  record ClosedRound(long id, String code, LocalDate opensOn, LocalDate closesOn) {}

  @SuppressWarnings("unchecked")
  Optional<ClosedRound> lastClosedRound() {
    List<Object[]> rows =
        em.createNativeQuery("select id, code, opens_on, closes_on from dispatch_round where closed_at is not null order by closes_on desc limit 1")
            .getResultList();
    return rows.stream().findFirst()
        .map(r -> new ClosedRound(((Number) r[0]).longValue(), (String) r[1], SqlValues.date(r[2]), SqlValues.date(r[3])));
  }

  /** How a lead unit reported in a round: its measures, reported, missed. */
  record UnitCount(String unit, long measures, long reported, long missed) {}

  @SuppressWarnings("unchecked")
  List<UnitCount> roundCounts(long roundId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select rr.lead_unit_code, count(*), count(*) filter (where rr.reported), count(*) filter (where not rr.reported)"
                    + " from round_result rr where rr.round_id = :round group by 1 order by 1")
            .setParameter("round", roundId)
            .getResultList();
    return rows.stream()
        .map(u -> new UnitCount((String) u[0], ((Number) u[1]).longValue(), ((Number) u[2]).longValue(), ((Number) u[3]).longValue()))
        .toList();
  }

  /** Every unit's name by code. */
  @SuppressWarnings("unchecked")
  java.util.Map<String, String> unitNames() {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    List<Object[]> rows = em.createNativeQuery("select code, name from unit").getResultList();
    rows.forEach(u -> names.put((String) u[0], (String) u[1]));
    return names;
  }

  /** Lights per day from the scans' daily snapshots. */
  record DayLight(LocalDate day, String light, long count) {}

  @SuppressWarnings("unchecked")
  List<DayLight> trend(LocalDate since) {
    List<Object[]> rows =
        em.createNativeQuery("select day, light, sum(count) from scan_snapshot where day > :since group by day, light order by day, light")
            .setParameter("since", since)
            .getResultList();
    return rows.stream().map(t -> new DayLight(SqlValues.date(t[0]), (String) t[1], ((Number) t[2]).longValue())).toList();
  }

  private static void scroll(NativeQuery<?> query, Consumer<Object[]> each) {
    query.setFetchSize(500);
    try (ScrollableResults<?> rows = query.scroll(ScrollMode.FORWARD_ONLY)) {
      while (rows.next()) {
        each.accept((Object[]) rows.get());
      }
    }
  }
}

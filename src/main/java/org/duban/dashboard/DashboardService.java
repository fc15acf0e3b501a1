package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import org.duban.measure.dto.UnitRef;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.platform.SqlValues;
import org.duban.measure.LightRule;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.query.NativeQuery;

/**
 * Leadership's views, computed in SQL with the same rule functions as the scan (duban_overdue,
 * duban_light) for today's date: never a loop over entities.
 */
@ApplicationScoped
public class DashboardService {

  /** Overdue now; the deadline bound lets the planner walk the deadline index. */
  static final String OVERDUE_WHERE =
      " where m.current_deadline < :today and duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today)";

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

  private final EntityManager em;
  private final BusinessCalendar calendar;
  private final LightRule rule;
  private final org.duban.platform.ChangeStamp stamps;
  private final MeasureRepository measures;
  private final Map<Long, List<Object[]>> roundCounts = new java.util.concurrent.ConcurrentHashMap<>();

  public DashboardService(
      EntityManager em, BusinessCalendar calendar, LightRule rule, org.duban.platform.ChangeStamp stamps,
      MeasureRepository measures) {
    this.measures = measures;
    this.stamps = stamps;
    this.em = em;
    this.calendar = calendar;
    this.rule = rule;
  }

  @Transactional
  public Page<OverdueRow> overdue(PageRequest page) {
    LocalDate today = calendar.today();
    long total =
        ((Number) em.createNativeQuery("select count(*) from measure m" + OVERDUE_WHERE).setParameter("today", today).getSingleResult())
            .longValue();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(overdueSelect(" limit :limit offset :offset"))
            .setParameter("today", today)
            .setParameter("limit", page.size)
            .setParameter("offset", page.offset())
            .getResultList();
    return new Page<>(rows.stream().map(DashboardService::overdueRow).toList(), page.page, page.size, total);
  }

  /** Streams every overdue measure to the consumer without holding them all (exports). */
  @Transactional
  public void eachOverdue(Consumer<OverdueRow> consumer) {
    NativeQuery<?> query =
        em.createNativeQuery(overdueSelect("")).unwrap(NativeQuery.class).setParameter("today", calendar.today());
    query.setFetchSize(500);
    try (ScrollableResults<?> rows = query.scroll(ScrollMode.FORWARD_ONLY)) {
      while (rows.next()) {
        consumer.accept(overdueRow((Object[]) rows.get()));
      }
    }
  }

  /** One line of the ledger (台账). */
  public record LedgerRow(
      String area, String code, String title, String lead, String coUnits, LocalDate committedDeadline,
      LocalDate deadline, String progressText, int progress, String status, String light, java.time.Instant lastReportAt) {}

  /** A closed dispatch round whose ledger was kept. */
  public record KeptRound(long id, String code, LocalDate closesOn) {}

  /** The round of {@code ?round=} (e.g. 2021-06): 404 unless it closed with its ledger kept. */
  @Transactional
  public KeptRound keptRound(String code) {
    if (!code.matches("^\\d{4}-(0[1-9]|1[0-2])$")) {
      throw ProblemException.invalid("round", "must be a month such as 2021-06");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("select id, closes_on, closed_at, ledger_rows from dispatch_round where code = ?1")
            .setParameter(1, code)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("There is no dispatch round " + code + ".");
    }
    Object[] r = rows.get(0);
    if (r[2] == null) {
      throw ProblemException.notFound("Round " + code + " has not closed yet: its ledger is today's (leave out round).");
    }
    if (r[3] == null) {
      throw ProblemException.notFound(
          "No ledger was kept for round " + code + ": it closed in a catch-up after downtime, when its state was no longer known.");
    }
    return new KeptRound(((Number) r[0]).longValue(), code, SqlValues.date(r[1]));
  }

  /** Streams the ledger in ledger order (area, code) without holding it: today's, or as kept when a round closed. */
  @Transactional
  public void eachLedgerRow(KeptRound round, Consumer<LedgerRow> consumer) {
    String order = " order by array_position(array['BUSINESS','STABILITY','JUSTICE'], l.area::text), l.code";
    NativeQuery<?> query;
    if (round == null) {
      query =
          em.createNativeQuery(
                  "select l.area, l.code, l.title, l.lead_unit, l.co_units, l.committed_deadline, l.deadline, l.progress_text,"
                      + " l.progress, l.status, l.light, l.last_report_at from duban_ledger(:today, :near, :lag) l" + order)
              .unwrap(NativeQuery.class)
              .setParameter("today", calendar.today())
              .setParameter("near", rule.nearDeadlineDays())
              .setParameter("lag", rule.lagPoints());
    } else {
      query =
          em.createNativeQuery(
                  "select l.area, l.code, l.title, l.lead_unit, l.co_units, l.committed_deadline, l.deadline, l.progress_text,"
                      + " l.progress, l.status, l.light, l.last_report_at from ledger_snapshot l where l.round_id = :round" + order)
              .unwrap(NativeQuery.class)
              .setParameter("round", round.id());
    }
    query.setFetchSize(500);
    try (ScrollableResults<?> rows = query.scroll(ScrollMode.FORWARD_ONLY)) {
      while (rows.next()) {
        Object[] r = (Object[]) rows.get();
        consumer.accept(
            new LedgerRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], SqlValues.date(r[5]),
                SqlValues.date(r[6]), (String) r[7], ((Number) r[8]).intValue(), (String) r[9], (String) r[10],
                SqlValues.instant(r[11])));
      }
    }
  }

  @Transactional
  public DashboardView dashboard() {
    LocalDate today = calendar.today();
    return stamps.cached("dashboard", today, () -> computeDashboard(today));
  }

  private DashboardView computeDashboard(LocalDate today) {
    Map<String, Long> areaLight = new java.util.TreeMap<>();
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (MeasureStatus s : MeasureStatus.values()) {
      byStatus.put(s.name(), 0L);
    }
    long total = 0;
    long overdueTotal = 0;
    for (MeasureRepository.Tally t : measures.tally(today)) {
      total += t.count();
      areaLight.merge(t.area() + "\u001f" + t.light(), t.count(), Long::sum);
      byStatus.merge(t.status(), t.count(), Long::sum);
      overdueTotal += t.overdue() ? t.count() : 0;
    }
    List<DashboardView.AreaLight> byAreaLight = new ArrayList<>();
    areaLight.forEach((k, n) -> {
      String[] parts = k.split("\u001f", 2);
      byAreaLight.add(new DashboardView.AreaLight(parts[0], parts[1], n));
    });
    @SuppressWarnings("unchecked")
    List<Object[]> longest =
        em.createNativeQuery(overdueSelect(" limit 20")).setParameter("today", today).getResultList();
    return new DashboardView(
        today, total, byAreaLight, byStatus, overdueTotal, longest.stream().map(DashboardService::overdueRow).toList(),
        compliance(), trend(today));
  }

  private DashboardView.Compliance compliance() {
    @SuppressWarnings("unchecked")
    List<Object[]> round =
        em.createNativeQuery(
                "select id, code, opens_on, closes_on from dispatch_round where closed_at is not null"
                    + " order by closes_on desc limit 1")
            .getResultList();
    if (round.isEmpty()) {
      return null;
    }
    Object[] r = round.get(0);
    long roundId = ((Number) r[0]).longValue();
    // a closed round's results never change: counted once per round, unit names read fresh
    List<Object[]> counts =
        roundCounts.computeIfAbsent(
            roundId,
            id -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "select rr.lead_unit_code, count(*), count(*) filter (where rr.reported), count(*) filter (where not rr.reported)"
                              + " from round_result rr where rr.round_id = ?1 group by 1 order by 1")
                      .setParameter(1, id)
                      .getResultList();
              return List.copyOf(rows);
            });
    Map<String, String> names = new java.util.HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> unitRows = em.createNativeQuery("select code, name from unit").getResultList();
    unitRows.forEach(u -> names.put((String) u[0], (String) u[1]));
    return new DashboardView.Compliance(
        (String) r[1],
        SqlValues.date(r[2]),
        SqlValues.date(r[3]),
        counts.stream()
            .map(u -> new DashboardView.UnitCompliance((String) u[0], names.get((String) u[0]), ((Number) u[1]).longValue(),
                ((Number) u[2]).longValue(), ((Number) u[3]).longValue()))
            .toList());
  }

  private List<DashboardView.TrendPoint> trend(LocalDate today) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select day, light, sum(count) from scan_snapshot where day > ?1 group by day, light order by day, light")
            .setParameter(1, today.minusDays(90))
            .getResultList();
    return rows.stream()
        .map(t -> new DashboardView.TrendPoint(SqlValues.date(t[0]), (String) t[1], ((Number) t[2]).longValue()))
        .toList();
  }

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
}

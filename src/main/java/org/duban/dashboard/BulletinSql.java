package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.duban.measure.LightRule;
import org.duban.platform.SqlValues;

/**
 * The bulletin's (通报) statements: a closed round, its lines (as kept when it closed, or, for a
 * round closed in a catch-up, as the rule gives them for its closing day), the units that missed
 * its report, the rectification items overdue at its close. Every value bound.
 */
@ApplicationScoped
public class BulletinSql {

  private final EntityManager em;
  private final LightRule rule;

  public BulletinSql(EntityManager em, LightRule rule) {
    this.em = em;
    this.rule = rule;
  }

  /** A closed round: its dates and whether its ledger was kept (else the bulletin is a draft). */
  public record Round(long id, String code, LocalDate opensOn, LocalDate closesOn, Instant closedAt, boolean kept) {}

  @SuppressWarnings("unchecked")
  List<Round> closedRounds() {
    List<Tuple> rows = em.createNativeQuery("select id, code, opens_on, closes_on, closed_at, ledger_rows from dispatch_round"
        + " where closed_at is not null order by closes_on desc", Tuple.class).getResultList();
    return rows.stream().map(BulletinSql::round).toList();
  }

  @SuppressWarnings("unchecked")
  Optional<Round> round(String code) {
    List<Tuple> rows = em.createNativeQuery("select id, code, opens_on, closes_on, closed_at, ledger_rows from dispatch_round where code = :c",
        Tuple.class).setParameter("c", code).getResultList();
    return rows.stream().findFirst().map(BulletinSql::round);
  }

  private static Round round(Tuple r) {
    return new Round(((Number) r.get("id")).longValue(), r.get("code", String.class), SqlValues.date(r.get("opens_on")),
        SqlValues.date(r.get("closes_on")), SqlValues.instant(r.get("closed_at")), r.get("ledger_rows") != null);
  }

  /** One line of the round's ledger: a measure or a task. */
  public record Line(String kind, String code, String title, String unit, String region, LocalDate deadline, int progress, String status,
      String light) {}

  /** The measures' and tasks' lines as kept when the round closed, in code order. */
  @SuppressWarnings("unchecked")
  List<Line> keptLines(long roundId) {
    List<Tuple> rows = em.createNativeQuery(
        "select 'MEASURE' as kind, code, title, lead_unit as unit, null as region, deadline, progress, status, light"
            + " from ledger_snapshot where round_id = :r"
            + " union all select 'TASK', code, title, unit, region_name, deadline, progress, status, light"
            + " from ledger_task_snapshot where round_id = :r order by 1, 2", Tuple.class)
        .setParameter("r", roundId).getResultList();
    return rows.stream().map(BulletinSql::line).toList();
  }

  /** The same lines as the rule gives them on the round's closing day, from today's rows (a draft). */
  @SuppressWarnings("unchecked")
  List<Line> linesAsOf(LocalDate day) {
    List<Tuple> rows = em.createNativeQuery(
        "select 'MEASURE' as kind, l.code, l.title, l.lead_unit as unit, null as region, l.deadline, l.progress, l.status, l.light"
            + " from duban_ledger(:d, :near, :lag) l"
            + " union all select 'TASK', t.code, t.title, t.unit, t.region_name, t.deadline, t.progress, t.status, t.light"
            + " from duban_ledger_tasks(:d, :near, :lag) t order by 1, 2", Tuple.class)
        .setParameter("d", day).setParameter("near", rule.nearDeadlineDays()).setParameter("lag", rule.lagPoints())
        .getResultList();
    return rows.stream().map(BulletinSql::line).toList();
  }

  private static Line line(Tuple r) {
    return new Line(r.get("kind", String.class), r.get("code", String.class), r.get("title", String.class), r.get("unit", String.class),
        r.get("region", String.class), SqlValues.date(r.get("deadline")), ((Number) r.get("progress")).intValue(),
        r.get("status", String.class), r.get("light", String.class));
  }

  /** A unit that missed the round's report: how many of its items did. */
  public record Missed(String unit, String name, long items) {}

  @SuppressWarnings("unchecked")
  List<Missed> missed(long roundId) {
    List<Tuple> rows = em.createNativeQuery("select rr.lead_unit_code as unit, u.name, count(*) as n from round_result rr"
        + " join unit u on u.code = rr.lead_unit_code where rr.round_id = :r and not rr.reported"
        + " group by rr.lead_unit_code, u.name order by n desc, unit", Tuple.class).setParameter("r", roundId).getResultList();
    return rows.stream().map(r -> new Missed(r.get("unit", String.class), r.get("name", String.class), ((Number) r.get("n")).longValue()))
        .toList();
  }

  /** A rectification item overdue on the round's closing day. */
  public record OverdueItem(String code, String title, String unit, LocalDate deadline, long days) {}

  @SuppressWarnings("unchecked")
  List<OverdueItem> overdueRectifications(LocalDate day, Instant closedAt) {
    List<Tuple> rows = em.createNativeQuery("select m.code, m.title, u.name as unit, m.current_deadline, :d - m.current_deadline as days"
        + " from measure m join unit u on u.code = m.lead_unit_code where m.kind = 'RECTIFICATION' and m.created_at <= :at"
        + " and duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :d) order by days desc, m.code", Tuple.class)
        .setParameter("d", day).setParameter("at", closedAt).getResultList();
    return rows.stream().map(r -> new OverdueItem(r.get("code", String.class), r.get("title", String.class), r.get("unit", String.class),
        SqlValues.date(r.get("current_deadline")), ((Number) r.get("days")).longValue())).toList();
  }
}

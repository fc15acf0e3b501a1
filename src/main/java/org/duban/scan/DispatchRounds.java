package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.duban.platform.SqlValues;
import org.duban.platform.TrackerConfig;

/**
 * The monthly dispatch rounds and reporting compliance: which rounds exist, which are due to
 * close, and closing one (whether each lead unit reported within its window). Every value is
 * bound; each statement's text is fixed. Callers bring the transaction (the scan's).
 */
@ApplicationScoped
public class DispatchRounds {

  /** One dispatch round: its code (the month, 2022-01) and its reporting window. */
  public record Round(long id, String code, LocalDate opensOn, LocalDate closesOn) {}

  private final EntityManager em;
  private final TrackerConfig config;

  public DispatchRounds(EntityManager em, TrackerConfig config) {
    this.em = em;
    this.config = config;
  }

  /** Creates the monthly rounds that are missing, from the earliest start date to this month. */
  public int ensure(LocalDate today) {
    Object earliest = em.createNativeQuery("select min(start_date) from measure").getSingleResult();
    if (earliest == null) {
      return 0;
    }
    int created = 0;
    YearMonth month = YearMonth.from(SqlValues.date(earliest));
    YearMonth last = YearMonth.from(today);
    while (!month.isAfter(last)) {
      LocalDate closes = closingDay(month);
      LocalDate opens = closingDay(month.minusMonths(1)).plusDays(1);
      created +=
          em.createNativeQuery(
                  "insert into dispatch_round (code, opens_on, closes_on) values (?1, ?2, ?3)"
                      + " on conflict (code) do nothing")
              .setParameter(1, month.toString())
              .setParameter(2, opens)
              .setParameter(3, closes)
              .executeUpdate();
      month = month.plusMonths(1);
    }
    return created;
  }

  LocalDate closingDay(YearMonth month) {
    return month.atDay(Math.min(config.rounds().closingDay(), month.lengthOfMonth()));
  }

  /** Rounds whose window ended before today and that are not closed yet, oldest first. */
  public List<Round> due(LocalDate today) {
    return rounds(
        "select id, code, opens_on, closes_on from dispatch_round where closed_at is null and closes_on < ?1 order by closes_on",
        today);
  }

  /** The round closed last (by its window), if any. */
  public Optional<Round> lastClosed() {
    return rounds("select id, code, opens_on, closes_on from dispatch_round where closed_at is not null order by closes_on desc limit 1")
        .stream()
        .findFirst();
  }

  /** The round whose window contains today, if any. */
  public Optional<Round> open(LocalDate today) {
    return rounds("select id, code, opens_on, closes_on from dispatch_round where opens_on <= ?1 and closes_on >= ?1", today)
        .stream()
        .findFirst();
  }

  /**
   * Closes one round: records, for every measure active in its window, whether the lead unit
   * submitted a report within it (any report counts, whatever its review).
   */
  public int close(Round round, Instant now) {
    ZoneId zone = config.zone();
    Instant from = round.opensOn().atStartOfDay(zone).toInstant();
    Instant to = round.closesOn().plusDays(1).atStartOfDay(zone).toInstant();
    int rows =
        em.createNativeQuery(
                "insert into round_result (round_id, measure_id, lead_unit_code, reported)"
                    + " select ?1, m.id, m.lead_unit_code, exists (select 1 from progress_report r"
                    + "   where r.measure_id = m.id and r.unit_code = m.lead_unit_code"
                    + "   and r.submitted_at >= ?2 and r.submitted_at < ?3)"
                    + " from measure m"
                    + " where m.status in ('NOT_STARTED', 'IN_PROGRESS') and m.start_date <= ?4"
                    // a parent's progress rolls up from its tasks: only the items at the lowest level report
                    + " and not exists (select 1 from measure c where c.parent_id = m.id)"
                    + " on conflict do nothing")
            .setParameter(1, round.id())
            .setParameter(2, from)
            .setParameter(3, to)
            .setParameter(4, round.closesOn())
            .executeUpdate();
    em.createNativeQuery("update dispatch_round set closed_at = ?2 where id = ?1")
        .setParameter(1, round.id())
        .setParameter(2, now)
        .executeUpdate();
    return rows;
  }

  @SuppressWarnings("unchecked")
  private List<Round> rounds(String sql, LocalDate... days) {
    var query = em.createNativeQuery(sql, Tuple.class);
    for (int i = 0; i < days.length; i++) {
      query.setParameter(i + 1, days[i]);
    }
    List<Tuple> rows = query.getResultList();
    return rows.stream()
        .map(t -> new Round(((Number) t.get("id")).longValue(), t.get("code", String.class), SqlValues.date(t.get("opens_on")),
            SqlValues.date(t.get("closes_on"))))
        .toList();
  }
}

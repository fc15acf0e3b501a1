package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.duban.platform.TrackerConfig;

/**
 * The scan's set-based statements. Each touches all measures in one statement; none loads rows
 * into Java. Old and new values of every changed flag go to the journal in the same statement.
 */
@ApplicationScoped
public class ScanSql {

  static final long LOCK_KEY = 0x64756261_6e736361L; // "dubanSca"
  static final String ACTOR = "system:scan";

  private final EntityManager em;
  private final TrackerConfig config;

  public ScanSql(EntityManager em, TrackerConfig config) {
    this.em = em;
    this.config = config;
  }

  /** Waits for the cluster-wide scan lock; released when the transaction ends. */
  public void lock() {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
  }

  /** Creates the monthly rounds that are missing, from the earliest start date to this month. */
  public int ensureRounds(LocalDate today) {
    Object earliest = em.createNativeQuery("select min(start_date) from measure").getSingleResult();
    if (earliest == null) {
      return 0;
    }
    LocalDate from = org.duban.platform.SqlValues.date(earliest);
    int created = 0;
    java.time.YearMonth month = java.time.YearMonth.from(from);
    java.time.YearMonth last = java.time.YearMonth.from(today);
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

  LocalDate closingDay(java.time.YearMonth month) {
    return month.atDay(Math.min(config.rounds().closingDay(), month.lengthOfMonth()));
  }

  /** Rounds whose window ended before today and that are not closed yet, oldest first. */
  @SuppressWarnings("unchecked")
  public List<Object[]> dueRounds(LocalDate today) {
    return em.createNativeQuery(
            "select id, code, opens_on, closes_on from dispatch_round"
                + " where closed_at is null and closes_on < ?1 order by closes_on")
        .setParameter(1, today)
        .getResultList();
  }

  /**
   * Closes one round: records, for every measure active in its window, whether the lead unit
   * submitted a report within it (any report counts, whatever its review).
   */
  public int closeRound(long roundId, LocalDate opens, LocalDate closes, Instant now) {
    ZoneId zone = config.zone();
    Instant from = opens.atStartOfDay(zone).toInstant();
    Instant to = closes.plusDays(1).atStartOfDay(zone).toInstant();
    int rows =
        em.createNativeQuery(
                "insert into round_result (round_id, measure_id, lead_unit_code, reported)"
                    + " select ?1, m.id, m.lead_unit_code, exists (select 1 from progress_report r"
                    + "   where r.measure_id = m.id and r.unit_code = m.lead_unit_code"
                    + "   and r.submitted_at >= ?2 and r.submitted_at < ?3)"
                    + " from measure m"
                    + " where m.status in ('NOT_STARTED', 'IN_PROGRESS') and m.start_date <= ?4"
                    + " on conflict do nothing")
            .setParameter(1, roundId)
            .setParameter(2, from)
            .setParameter(3, to)
            .setParameter(4, closes)
            .executeUpdate();
    em.createNativeQuery("update dispatch_round set closed_at = ?2 where id = ?1")
        .setParameter(1, roundId)
        .setParameter(2, now)
        .executeUpdate();
    return rows;
  }

  /** Keeps the ledger as it stands now, lights as of the round's last day; returns its line count. */
  public int keepLedger(long roundId, LocalDate closes) {
    int rows =
        em.createNativeQuery("insert into ledger_snapshot select ?1, l.* from duban_ledger(?2, ?3, ?4) l")
            .setParameter(1, roundId)
            .setParameter(2, closes)
            .setParameter(3, config.light().nearDeadlineDays())
            .setParameter(4, config.light().lagPoints())
            .executeUpdate();
    em.createNativeQuery("update dispatch_round set ledger_rows = ?2 where id = ?1")
        .setParameter(1, roundId)
        .setParameter(2, rows)
        .executeUpdate();
    return rows;
  }

  /**
   * Recomputes overdue, the light and "missed the last round" for every measure (overdue days are
   * derived from the date on read, so a new day does not rewrite every overdue row),
   * writes only the rows that change, and journals each changed field. Returns at most
   * {@link ScanService#MAX_CHANGES_LISTED} of the changes, each row carrying the total count.
   */
  @SuppressWarnings("unchecked")
  public List<Object[]> updateFlags(LocalDate today, Instant now, Long lastRoundId) {
    return em.createNativeQuery(
            """
            with calc as (
                select m.id, m.code, m.current_deadline, m.overdue as old_overdue, m.light as old_light,
                       m.reporting_missed as old_missed, n.missed,
                       duban_overdue(m.status, m.current_deadline, m.claimed_done_on, ?1) as overdue,
                       duban_light(m.status, m.progress, m.start_date, m.current_deadline, m.claimed_done_on,
                                   n.missed, ?1, ?2, ?3) as light
                from measure m
                left join round_result rr on rr.round_id = ?6 and rr.measure_id = m.id
                cross join lateral (
                    select coalesce(not rr.reported, false) and m.status in ('NOT_STARTED', 'IN_PROGRESS') as missed
                ) n
            ), changed as (
                update measure m
                   set overdue = c.overdue, light = c.light, reporting_missed = c.missed, flags_as_of = ?1
                  from calc c
                 where m.id = c.id
                   and (c.old_overdue, c.old_light, c.old_missed) is distinct from (c.overdue, c.light, c.missed)
                returning c.*
            ), journal as (
                insert into journal_entry (measure_id, entity, entity_key, action, field, old_value, new_value, actor, occurred_at)
                select id, 'MEASURE', code, 'SCAN', f.field, f.old_value, f.new_value, ?5, ?4
                from changed
                cross join lateral (values
                    ('overdue', old_overdue::text, overdue::text),
                    ('light', old_light, light),
                    ('reportingMissed', old_missed::text, missed::text)) as f(field, old_value, new_value)
                where f.old_value is distinct from f.new_value
                returning 1
            )
            select code, old_overdue, overdue, old_light, light, old_missed, missed,
                   case when overdue then ?1 - current_deadline else 0 end as days,
                   (select count(*) from changed) as changed_rows,
                   (select count(*) from journal) as journal_rows
            from changed order by code limit ?7
            """)
        .setParameter(1, today)
        .setParameter(2, config.light().nearDeadlineDays())
        .setParameter(3, config.light().lagPoints())
        .setParameter(4, now)
        .setParameter(5, ACTOR)
        .setParameter(6, lastRoundId == null ? -1L : lastRoundId)
        .setParameter(7, ScanService.MAX_CHANGES_LISTED)
        .getResultList();
  }

  /**
   * Queues the notices that became due; the unique key (measure, level, occasion) makes a second
   * run add none. Returns how many were queued.
   */
  public int queueNotices(LocalDate today, Instant now, String lastClosedRound, LocalDate lastClosedOn, String openRound, LocalDate openCloses) {
    int reminderDays = config.notices().reminderDays();
    int bulletinDays = config.notices().bulletinAfterDays();
    String leadership = config.notices().leadershipEmail().orElse(null);
    int queued = 0;
    // 提醒: the current deadline is near
    queued += insertNotices(
        "REMINDER", "'deadline:' || m.current_deadline",
        "u.email",
        "'【提醒】' || m.code || ' ' || m.title || ' 将于 ' || m.current_deadline || ' 到期'",
        "'实事 ' || m.code || '「' || m.title || '」的当前时限为 ' || m.current_deadline || '，距今还有 ' || (m.current_deadline - :today) || ' 天。请按期完成并及时报送进展。'",
        "m.status in ('NOT_STARTED', 'IN_PROGRESS') and m.current_deadline >= :today and m.current_deadline - :today <= :days",
        today, now, reminderDays, null);
    // 提醒: the open reporting window is about to close and the lead unit has not reported in it
    if (openRound != null) {
      queued += insertNotices(
          "REMINDER", "'round:" + openRound + "'",
          "u.email",
          "'【提醒】' || m.code || ' 本轮调度（" + openRound + "）报送将于 " + openCloses + " 截止'",
          "'实事 ' || m.code || '「' || m.title || '」本轮调度尚未收到牵头单位的进展报送，报送将于 " + openCloses + " 截止。'",
          "m.status in ('NOT_STARTED', 'IN_PROGRESS') and m.start_date <= :today and cast('" + openCloses + "' as date) - :today between 0 and :days"
              + " and not exists (select 1 from progress_report r join dispatch_round d on d.code = '" + openRound + "'"
              + " where r.measure_id = m.id and r.unit_code = m.lead_unit_code"
              + " and r.submitted_at >= (d.opens_on::timestamp at time zone :zone))",
          today, now, reminderDays, null);
    }
    // 催办: overdue
    queued += insertNotices(
        "URGING", "'deadline:' || m.current_deadline",
        "u.email",
        "'【催办】' || m.code || ' ' || m.title || ' 已逾期'",
        "'实事 ' || m.code || '「' || m.title || '」的当前时限 ' || m.current_deadline || ' 已过，已逾期 ' || (:today - m.current_deadline) || ' 天。请尽快报送进展，确需延期的请按程序申请。'",
        "duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today)",
        today, now, 0, null);
    // 催办: the last round closed without a report from the lead unit (only a recent round: no old reminders after downtime)
    if (lastClosedRound != null && !lastClosedOn.isBefore(today.minusDays(31))) {
      queued += insertNotices(
          "URGING", "'round:" + lastClosedRound + "'",
          "u.email",
          "'【催办】' || m.code || ' 未按期报送（" + lastClosedRound + " 调度）'",
          "'实事 ' || m.code || '「' || m.title || '」在 " + lastClosedRound + " 调度窗口（截至 " + lastClosedOn + "）内未收到牵头单位的进展报送，请尽快补报。'",
          "m.reporting_missed",
          today, now, 0, null);
    }
    // 通报: overdue by more than the threshold, to leadership
    queued += insertNotices(
        "BULLETIN", "'deadline:' || m.current_deadline",
        leadership == null ? "null" : ":leadership",
        "'【通报】' || m.code || ' ' || m.title || ' 逾期超过 ' || :days || ' 天'",
        "'实事 ' || m.code || '「' || m.title || '」（牵头单位：' || u.name || '）当前时限 ' || m.current_deadline || '，已逾期 ' || (:today - m.current_deadline) || ' 天。'",
        "duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today) and :today - m.current_deadline > :days",
        today, now, bulletinDays, leadership);
    return queued;
  }

  private int insertNotices(
      String level, String occasion, String recipient, String subject, String body, String where,
      LocalDate today, Instant now, int days, String leadership) {
    String sql =
        "insert into notice (measure_id, level, occasion, recipient, subject, body, state, created_at, next_attempt_at)"
            + " select m.id, '" + level + "', " + occasion + ", r.recipient, " + subject + ", " + body + ","
            + " case when r.recipient is null then 'NO_RECIPIENT' else 'PENDING' end, :now, :now"
            + " from measure m join unit u on u.code = m.lead_unit_code"
            + " cross join lateral (select cast(" + recipient + " as varchar) as recipient) r"
            + " where " + where
            + " and not exists (select 1 from notice n where n.measure_id = m.id and n.level = '" + level + "'"
            + " and n.occasion = " + occasion + ")"
            + " on conflict (measure_id, level, occasion) do nothing";
    var query = em.createNativeQuery(sql).setParameter("now", now);
    if (sql.contains(":today")) {
      query.setParameter("today", today);
    }
    if (sql.contains(":days")) {
      query.setParameter("days", days);
    }
    if (sql.contains(":zone")) {
      query.setParameter("zone", config.zone().getId());
    }
    if (sql.contains(":leadership")) {
      query.setParameter("leadership", leadership);
    }
    return query.executeUpdate();
  }

  /** Today's counts by area and light, as the scan left them (the dashboard's trend). */
  public void snapshot(LocalDate today) {
    em.createNativeQuery(
            "insert into scan_snapshot (day, area, light, count)"
                + " select ?1, area, light, count(*) from measure group by area, light"
                + " on conflict (day, area, light) do update set count = excluded.count")
        .setParameter(1, today)
        .executeUpdate();
    em.createNativeQuery(
            "delete from scan_snapshot s where s.day = ?1"
                + " and not exists (select 1 from measure m where m.area = s.area and m.light = s.light)")
        .setParameter(1, today)
        .executeUpdate();
  }
}

package org.duban.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.duban.platform.TrackerConfig;
import org.duban.scan.DispatchRounds.Round;

/**
 * The reminder ladder: the notices that became due, queued in the outbox (提醒 before a deadline and
 * before a reporting window closes, 催办 when overdue or a round was missed, 通报 to leadership when
 * long overdue). Each rung is one fixed statement with its own bound parameters; the unique key
 * (measure, level, occasion) makes a second run add none. Callers bring the transaction (the
 * scan's); {@code NoticeDispatcher} delivers.
 */
@ApplicationScoped
public class ReminderLadder {

  /** A round closed longer ago than this gets no 催办 (no old reminders after downtime). */
  static final int MISSED_ROUND_URGED_WITHIN_DAYS = 31;

  /** 提醒: the current deadline is near. Parameters: today, now, days. */
  private static final String DEADLINE_NEAR =
      insert(
          "REMINDER", "'deadline:' || m.current_deadline",
          "u.email",
          "'【提醒】' || m.code || ' ' || m.title || ' 将于 ' || m.current_deadline || ' 到期'",
          "'实事 ' || m.code || '「' || m.title || '」的当前时限为 ' || m.current_deadline || '，距今还有 ' || (m.current_deadline - :today) || ' 天。请按期完成并及时报送进展。'",
          "m.status in ('NOT_STARTED', 'IN_PROGRESS') and m.current_deadline >= :today and m.current_deadline - :today <= :days");

  /**
   * 提醒: the open reporting window is about to close and the lead unit has not reported in it.
   * Parameters: today, now, days, round (its code), closes (its last day), zone.
   */
  private static final String WINDOW_CLOSING =
      insert(
          "REMINDER", "'round:' || cast(:round as varchar)",
          "u.email",
          "'【提醒】' || m.code || ' 本轮调度（' || cast(:round as varchar) || '）报送将于 ' || to_char(cast(:closes as date), 'YYYY-MM-DD') || ' 截止'",
          "'实事 ' || m.code || '「' || m.title || '」本轮调度尚未收到牵头单位的进展报送，报送将于 ' || to_char(cast(:closes as date), 'YYYY-MM-DD') || ' 截止。'",
          "m.status in ('NOT_STARTED', 'IN_PROGRESS') and m.start_date <= :today and cast(:closes as date) - :today between 0 and :days"
              + " and not exists (select 1 from progress_report r join dispatch_round d on d.code = cast(:round as varchar)"
              + " where r.measure_id = m.id and r.unit_code = m.lead_unit_code"
              + " and r.submitted_at >= (d.opens_on::timestamp at time zone cast(:zone as text)))");

  /** 催办: overdue. Parameters: today, now. */
  private static final String OVERDUE =
      insert(
          "URGING", "'deadline:' || m.current_deadline",
          "u.email",
          "'【催办】' || m.code || ' ' || m.title || ' 已逾期'",
          "'实事 ' || m.code || '「' || m.title || '」的当前时限 ' || m.current_deadline || ' 已过，已逾期 ' || (:today - m.current_deadline) || ' 天。请尽快报送进展，确需延期的请按程序申请。'",
          "duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today)");

  /**
   * 催办: the last round closed without a report from the lead unit. Parameters: now, round (its
   * code), closes (its last day).
   */
  private static final String ROUND_MISSED =
      insert(
          "URGING", "'round:' || cast(:round as varchar)",
          "u.email",
          "'【催办】' || m.code || ' 未按期报送（' || cast(:round as varchar) || ' 调度）'",
          "'实事 ' || m.code || '「' || m.title || '」在 ' || cast(:round as varchar) || ' 调度窗口（截至 ' || to_char(cast(:closes as date), 'YYYY-MM-DD') || '）内未收到牵头单位的进展报送，请尽快补报。'",
          "m.reporting_missed");

  /** 通报: overdue by more than the threshold, to leadership. Parameters: today, now, days, leadership. */
  private static final String BULLETIN =
      insert(
          "BULLETIN", "'deadline:' || m.current_deadline",
          "cast(:leadership as varchar)",
          "'【通报】' || m.code || ' ' || m.title || ' 逾期超过 ' || :days || ' 天'",
          "'实事 ' || m.code || '「' || m.title || '」（牵头单位：' || u.name || '）当前时限 ' || m.current_deadline || '，已逾期 ' || (:today - m.current_deadline) || ' 天。'",
          "duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today) and :today - m.current_deadline > :days");

  private final EntityManager em;
  private final TrackerConfig config;

  public ReminderLadder(EntityManager em, TrackerConfig config) {
    this.em = em;
    this.config = config;
  }

  /**
   * Queues the notices that became due; returns how many were queued. {@code open} is the round
   * whose window contains today, {@code lastClosed} the round closed last.
   */
  public int queue(LocalDate today, Instant now, Optional<Round> open, Optional<Round> lastClosed) {
    int reminderDays = config.notices().reminderDays();
    int queued = 0;
    queued += run(DEADLINE_NEAR, Map.of("today", today, "now", now, "days", reminderDays));
    if (open.isPresent()) {
      queued +=
          run(WINDOW_CLOSING,
              Map.of("today", today, "now", now, "days", reminderDays, "round", open.get().code(), "closes",
                  open.get().closesOn(), "zone", config.zone().getId()));
    }
    queued += run(OVERDUE, Map.of("today", today, "now", now));
    if (lastClosed.isPresent() && !lastClosed.get().closesOn().isBefore(today.minusDays(MISSED_ROUND_URGED_WITHIN_DAYS))) {
      queued += run(ROUND_MISSED, Map.of("now", now, "round", lastClosed.get().code(), "closes", lastClosed.get().closesOn()));
    }
    Map<String, Object> bulletin = new LinkedHashMap<>(); // Map.of refuses the null of "no leadership address"
    bulletin.put("today", today);
    bulletin.put("now", now);
    bulletin.put("days", config.notices().bulletinAfterDays());
    bulletin.put("leadership", config.notices().leadershipEmail().orElse(null));
    queued += run(BULLETIN, bulletin);
    return queued;
  }

  /** Runs one rung with exactly its parameters (Hibernate refuses a missing or an unknown one). */
  private int run(String sql, Map<String, Object> parameters) {
    var query = em.createNativeQuery(sql);
    parameters.forEach(query::setParameter);
    return query.executeUpdate();
  }

  /**
   * One rung's statement, composed once from fixed fragments: the level, the occasion (what makes
   * a notice once only), the recipient, subject and body expressions and the condition. No value
   * ever enters the text; each is a named parameter.
   */
  private static String insert(String level, String occasion, String recipient, String subject, String body, String where) {
    return "insert into notice (measure_id, level, occasion, recipient, subject, body, state, created_at, next_attempt_at)"
        + " select m.id, '" + level + "', " + occasion + ", r.recipient, " + subject + ", " + body + ","
        + " case when r.recipient is null then 'NO_RECIPIENT' else 'PENDING' end, :now, :now"
        + " from measure m join unit u on u.code = m.lead_unit_code"
        + " cross join lateral (select cast(" + recipient + " as varchar) as recipient) r"
        + " where " + where
        + " and not exists (select 1 from notice n where n.measure_id = m.id and n.level = '" + level + "'"
        + " and n.occasion = " + occasion + ")"
        + " on conflict (measure_id, level, occasion) do nothing";
  }
}

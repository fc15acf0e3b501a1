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
 * (measure, level, occasion) makes a second run add none. The 通报 of one scan then go to leadership
 * as one digest per address ({@link #DIGEST}): the items stay, each once per level and occasion, and
 * wait in the digest (DIGESTED). Callers bring the transaction (the scan's); {@code NoticeDispatcher}
 * delivers.
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

  /**
   * The leadership digest: the 通报 this scan queued (created at its instant, PENDING: an address is
   * set) become one digest row per address, listing them all by code (code, title, lead unit, the
   * region of a task, deadline, days overdue, level), Chinese first; the items point at it and wait
   * in it (DIGESTED), so the digest is the one message sent and retried. Under the scan lock and in
   * its transaction: one statement, so one digest per scan and address, and each item in one digest
   * (an item is gathered only while PENDING and unlinked). Answers how many digests were queued.
   * Parameters: today, now, days.
   */
  static final String DIGEST =
      "with items as ("
          + " select b.id, b.recipient, m.code, row_number() over (partition by b.recipient order by m.code) as n,"
          + " m.code || ' ' || m.title || '（牵头单位：' || u.name"
          + " || case when m.kind = 'TASK' then '；地区：' || coalesce(rg.name, m.region_code) else '' end"
          + " || '；当前时限 ' || to_char(m.current_deadline, 'YYYY-MM-DD') || '，已逾期 ' || (cast(:today as date) - m.current_deadline)"
          + " || ' 天；级别：通报）' as line"
          + " from notice b join measure m on m.id = b.measure_id join unit u on u.code = m.lead_unit_code"
          + " left join region rg on rg.code = m.region_code"
          + " where b.level = 'BULLETIN' and b.digest_id is null and b.state = 'PENDING' and b.created_at = :now"
          + "), digest as ("
          + " insert into notice (measure_id, level, occasion, recipient, subject, body, state, created_at, next_attempt_at, item_count)"
          + " select null, 'BULLETIN', 'digest:' || to_char(cast(:today as date), 'YYYY-MM-DD'), i.recipient,"
          + " '【通报】逾期超过 ' || :days || ' 天事项汇总（' || to_char(cast(:today as date), 'YYYY-MM-DD') || '，共 ' || count(*) || ' 项）',"
          + " '以下 ' || count(*) || ' 项事项已逾期超过 ' || :days || ' 天，特此通报（' || to_char(cast(:today as date), 'YYYY-MM-DD') || '）：'"
          + " || chr(10) || chr(10) || string_agg(i.n || '. ' || i.line, chr(10) order by i.code) || chr(10) || chr(10)"
          + " || 'Digest of ' || to_char(cast(:today as date), 'YYYY-MM-DD') || ': ' || count(*) || ' item(s) overdue by more than '"
          + " || :days || ' days, listed above (code, title, lead unit, region of a local task, current deadline, days overdue, level).',"
          + " 'PENDING', :now, :now, count(*)"
          + " from items i group by i.recipient"
          + " returning id, recipient"
          + "), linked as ("
          + " update notice n set digest_id = d.id, state = 'DIGESTED' from items i join digest d on d.recipient = i.recipient"
          + " where n.id = i.id and n.digest_id is null returning n.id"
          + ") select count(*) from digest";

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
    queued += digest(today, now);
    return queued;
  }

  /** Gathers this scan's 通报 into one digest per leadership address; answers how many digests. */
  int digest(LocalDate today, Instant now) {
    return ((Number) em.createNativeQuery(DIGEST)
            .setParameter("today", today)
            .setParameter("now", now)
            .setParameter("days", config.notices().bulletinAfterDays())
            .getSingleResult())
        .intValue();
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

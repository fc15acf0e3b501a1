package org.duban.publicapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.platform.SqlValues;
import org.duban.measure.Light;
import org.duban.measure.MeasureStatus;
import org.duban.measure.dto.RegionRef;
import org.duban.measure.dto.UnitRef;
import org.duban.publicapi.dto.PublicPostponement;
import org.duban.publicapi.dto.PublicTask;

/**
 * The public API's own SQL (its measure reads go through the measure's repository): the public
 * timeline for the Atom feed, and the tasks (a measure's breakdown, a region's tasks), each in one
 * statement that selects the public columns only. Every value is bound; rows come back as records. Callers bring the
 * transaction.
 */
@ApplicationScoped
public class PublicSql {

  /**
   * One public timeline event with its item's code and title; for a task event, also its measure's
   * code and its region's name (null for a measure's own event).
   */
  public record TimelineEvent(
      long id, String kind, Instant occurredAt, String summary, Integer progress, LocalDate oldDeadline, LocalDate newDeadline,
      String code, String title, String measure, String regionName, boolean sample) {}

  /**
   * The public columns of a task, its light and overdue by the rule's SQL twins, its postponements
   * and target shares as JSON aggregates (one statement, however many tasks).
   */
  private static final String TASKS =
      "select m.code, root.code as measure_code, root.title as measure_title, r.code as region_code, r.name as region_name,"
          + " u.code as unit_code, u.name as unit_name, m.status, m.progress, m.committed_deadline, m.current_deadline, m.sample,"
          + " duban_light(m.status, m.progress, m.start_date, m.current_deadline, m.claimed_done_on, m.reporting_missed,"
          + "   :today, :near, :lag) as light,"
          + " duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today) as overdue,"
          + " (select coalesce(json_agg(json_build_object('oldDeadline', p.old_deadline, 'newDeadline', p.new_deadline,"
          + "     'reason', p.reason, 'approvedAt', (extract(epoch from p.approved_at) * 1000000)::bigint) order by p.approved_at, p.id), '[]')"
          + "   from postponement p where p.measure_id = m.id)::text as postponements,"
          + " (select coalesce(json_agg(json_build_object('position', t.position, 'share', t.target_value, 'actual', t.actual_value)"
          + "     order by t.position), '[]') from target t where t.measure_id = m.id)::text as targets"
          + " from measure m join measure root on root.id = m.root_id join region r on r.code = m.region_code"
          + " join unit u on u.code = m.lead_unit_code"
          + " where m.kind = 'TASK' and ";

  private final EntityManager em;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  public PublicSql(EntityManager em, com.fasterxml.jackson.databind.ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /** A measure's tasks in every region, the province's regions in code order (a city before its counties). */
  public List<PublicTask> tasksOfMeasure(String measureCode, LocalDate today, int near, int lag) {
    return tasks(TASKS + "root.code = :key order by r.path, m.code", measureCode, today, near, lag);
  }

  /**
   * One page of the tasks of a region and the regions below it (by its path), by measure, then
   * region: the page is chosen on the measure and region tables alone, and only its rows get their
   * postponements and shares.
   */
  public List<PublicTask> tasksInRegion(String regionPath, LocalDate today, int near, int lag, int limit, long offset) {
    return tasks(
        TASKS.replace(" from measure m join measure root", " from (select m.* from measure m join measure root on root.id = m.root_id"
                + " join region r on r.code = m.region_code where m.kind = 'TASK'"
                + " and m.region_code in (select code from region where path like :key || '%')"
                + " order by root.code, r.path, m.code limit " + limit + " offset " + offset + ") m join measure root")
            + "true order by root.code, r.path, m.code",
        regionPath, today, near, lag);
  }

  /** The tasks of a region and below counted by light, status and overdue (one statement, read from the rule's covering index). */
  public record RegionCount(String light, String status, boolean overdue, long count) {}

  @SuppressWarnings("unchecked")
  public List<RegionCount> countsInRegion(String regionPath, LocalDate today, int near, int lag) {
    List<Tuple> rows = em.createNativeQuery(
            "select duban_light(m.status, m.progress, m.start_date, m.current_deadline, m.claimed_done_on, m.reporting_missed,"
                + " :today, :near, :lag) as light, m.status, duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today) as overdue,"
                + " count(*) as n from measure m where m.kind = 'TASK'"
                + " and m.region_code in (select code from region where path like :key || '%') group by 1, 2, 3", Tuple.class)
        .setParameter("key", regionPath)
        .setParameter("today", today)
        .setParameter("near", near)
        .setParameter("lag", lag)
        .getResultList();
    return rows.stream()
        .map(t -> new RegionCount(t.get("light", String.class), t.get("status", String.class), Boolean.TRUE.equals(t.get("overdue")),
            ((Number) t.get("n")).longValue()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<PublicTask> tasks(String statement, String key, LocalDate today, int near, int lag) {
    List<Tuple> rows = em.createNativeQuery(statement, Tuple.class)
        .setParameter("key", key)
        .setParameter("today", today)
        .setParameter("near", near)
        .setParameter("lag", lag)
        .getResultList();
    List<PublicTask> tasks = new ArrayList<>(rows.size());
    for (Tuple t : rows) {
      boolean overdue = Boolean.TRUE.equals(t.get("overdue"));
      LocalDate deadline = SqlValues.date(t.get("current_deadline"));
      tasks.add(new PublicTask(
          t.get("code", String.class),
          t.get("measure_code", String.class),
          t.get("measure_title", String.class),
          new RegionRef(t.get("region_code", String.class), t.get("region_name", String.class)),
          new UnitRef(t.get("unit_code", String.class), t.get("unit_name", String.class)),
          MeasureStatus.valueOf(t.get("status", String.class)),
          ((Number) t.get("progress")).intValue(),
          Light.valueOf(t.get("light", String.class)),
          overdue,
          overdue ? java.time.temporal.ChronoUnit.DAYS.between(deadline, today) : 0,
          SqlValues.date(t.get("committed_deadline")),
          deadline,
          postponements(t.get("postponements", String.class)),
          shares(t.get("targets", String.class)),
          Boolean.TRUE.equals(t.get("sample"))));
    }
    return tasks;
  }

  private List<PublicPostponement> postponements(String text) {
    List<PublicPostponement> out = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode p : tree(text)) {
      long micros = p.get("approvedAt").asLong();
      out.add(new PublicPostponement(
          LocalDate.parse(p.get("oldDeadline").asText()),
          LocalDate.parse(p.get("newDeadline").asText()),
          p.get("reason").asText(),
          Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS)));
    }
    return out;
  }

  private List<PublicTask.Share> shares(String text) {
    List<PublicTask.Share> out = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode s : tree(text)) {
      out.add(new PublicTask.Share(s.get("position").asInt(), number(s.get("share")), number(s.get("actual"))));
    }
    return out;
  }

  /** A number as written plainly (280, not 280.00 or 2.8E+2). */
  private static java.math.BigDecimal number(com.fasterxml.jackson.databind.JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new java.math.BigDecimal(n.decimalValue().stripTrailingZeros().toPlainString());
  }

  private com.fasterxml.jackson.databind.JsonNode tree(String text) {
    try {
      return json.readTree(text == null ? "[]" : text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The latest {@code limit} public events, newest first. */
  @SuppressWarnings("unchecked")
  public List<TimelineEvent> timeline(int limit) {
    List<Tuple> rows =
        em.createNativeQuery(
                "select e.id, e.kind, e.occurred_at, e.summary, e.progress, e.old_deadline, e.new_deadline, m.code, m.title,"
                    + " root.code as measure_code, case when m.kind = 'TASK' then r.name end as region_name, m.sample"
                    + " from public_event e join measure m on m.id = e.measure_id left join measure root on root.id = m.root_id"
                    + " join region r on r.code = m.region_code"
                    + " order by e.occurred_at desc, e.id desc limit ?1",
                Tuple.class)
            .setParameter(1, limit)
            .getResultList();
    return rows.stream()
        .map(t -> new TimelineEvent(
            ((Number) t.get("id")).longValue(),
            t.get("kind", String.class),
            SqlValues.instant(t.get("occurred_at")),
            t.get("summary", String.class),
            t.get("progress") == null ? null : ((Number) t.get("progress")).intValue(),
            SqlValues.date(t.get("old_deadline")),
            SqlValues.date(t.get("new_deadline")),
            t.get("code", String.class),
            t.get("title", String.class),
            t.get("measure_code", String.class),
            t.get("region_name", String.class),
            Boolean.TRUE.equals(t.get("sample"))))
        .toList();
  }
}

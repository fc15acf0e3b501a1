package org.duban.measure;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.platform.PageRequest;

@ApplicationScoped
public class MeasureRepository implements PanacheRepository<Measure> {

  private final org.duban.measure.LightRule rule;

  public MeasureRepository(org.duban.measure.LightRule rule) {
    this.rule = rule;
  }

  /** How many measures share an area, a light, a status and an overdue state on a day. */
  public record Tally(String area, String light, String status, boolean overdue, long count) {}

  /**
   * The whole catalogue counted in one pass in SQL, lights and overdue by the rule's SQL twins for
   * that day (the dashboard's and the public summary's counts).
   */
  public List<Tally> tally(LocalDate today) {
    @SuppressWarnings("unchecked")
    List<Tuple> rows =
        getEntityManager()
            .createNativeQuery(
                "select m.area, duban_light(m.status, m.progress, m.start_date, m.current_deadline, m.claimed_done_on,"
                    + " m.reporting_missed, :today, :near, :lag) as light, m.status,"
                    + " duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today) as overdue, count(*) as count"
                    + " from measure m where m.kind = 'MEASURE' group by 1, 2, 3, 4", Tuple.class)
            .setParameter("today", today)
            .setParameter("near", rule.nearDeadlineDays())
            .setParameter("lag", rule.lagPoints())
            .getResultList();
    return rows.stream()
        .map(r -> new Tally(r.get("area", String.class), r.get("light", String.class), r.get("status", String.class),
            Boolean.TRUE.equals(r.get("overdue")), ((Number) r.get("count")).longValue()))
        .toList();
  }

  public Optional<Measure> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }

  /** The measure with its lead unit and co-units in one query (a single read answers faster). */
  public Optional<Measure> findByCodeWithUnits(String code) {
    return find("from Measure m join fetch m.leadUnit left join fetch m.coUnits where m.code = ?1", code).singleResultOptional();
  }

  /** Reads the measure and holds its row until the transaction ends, so writers queue up. */
  public Optional<Measure> findByCodeForUpdate(String code) {
    return find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }

  public Optional<Measure> findByIdForUpdate(long id) {
    return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
  }

  public record Found(List<Measure> items, long total) {}

  public Found search(MeasureFilter filter, LocalDate today, PageRequest page) {
    StringBuilder where = new StringBuilder("m.kind = :kind");
    Map<String, Object> params = new HashMap<>();
    params.put("kind", filter.kind() == null ? ItemKind.MEASURE : filter.kind());
    if (filter.measure() != null) {
      where.append(" and m.root.code = :measure");
      params.put("measure", filter.measure());
    }
    if (filter.region() != null) {
      // this region and below, by the region's path (V13); a measure: one of its tasks is there
      String inRegion = "(select r.code from Region r where r.path like :regionPath)";
      if (filter.kind() == ItemKind.TASK) {
        where.append(" and m.regionCode in ").append(inRegion);
      } else {
        where.append(" and exists (select 1 from Measure t where t.root = m and t.regionCode in ").append(inRegion).append(")");
      }
      params.put("regionPath", filter.region() + "%");
    }
    if (filter.area() != null) {
      where.append(" and m.area = :area");
      params.put("area", filter.area());
    }
    if (filter.unit() != null) {
      where.append(
          " and (m.leadUnit.code = :unit or m.id in"
              + " (select mc.id from Measure mc join mc.coUnits cu where cu.code = :unit))");
      params.put("unit", filter.unit());
    }
    if (filter.status() != null) {
      where.append(" and m.status = :status");
      params.put("status", filter.status());
    }
    if (filter.overdue() != null) {
      // the rule's one SQL home (duban_overdue), evaluated for today: never restated here
      where.append(" and function('duban_overdue', cast(m.status as String), m.currentDeadline, m.claimedDoneOn, :today) = ")
          .append(filter.overdue() ? "true" : "false");
      params.put("today", today);
    }
    if (filter.light() != null) {
      // the same rule as the scan (SQL function duban_light), evaluated for today
      where.append(
          " and cast(function('duban_light', cast(m.status as String), m.progress, m.startDate, m.currentDeadline,"
              + " m.claimedDoneOn, m.reportingMissed, :today, :near, :lag) as String) = :light");
      params.put("today", today);
      params.put("near", rule.nearDeadlineDays());
      params.put("lag", rule.lagPoints());
      params.put("light", filter.light().name());
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      // the n-gram index (V5) finds the candidates, LIKE confirms the substring
      where.append(" and function('duban_title_match', m.titleGrams, :grams) = true and lower(m.title) like :q escape '\\'");
      params.put("grams", filter.q().trim());
      params.put("q", "%" + escapeLike(filter.q().trim().toLowerCase()) + "%");
    }
    String hql = "from Measure m where " + where;
    long total = count(hql, params);
    List<Measure> items =
        find(hql + " order by m.code", params).page(page.page, page.size).list();
    return new Found(items, total);
  }

  /** The tasks of a measure, all of them, in code order (a measure has at most a few hundred). */
  public List<Measure> tasksOf(long measureId) {
    return find("from Measure m join fetch m.leadUnit where m.root.id = ?1 order by m.code", measureId).list();
  }

  /** How many of a measure's tasks are red, yellow, green and closed (by the scan's stored light). */
  public record TaskTally(long total, long red, long yellow, long green, long closed, long open) {}

  /**
   * The tally of the tasks below each item: all tasks of a measure, the direct children of a task
   * (a city's county tasks). Lights by the rule's SQL twin for the day; verified tasks count as closed.
   */
  public Map<Long, TaskTally> taskTallies(Collection<Long> measureIds, Collection<Long> taskIds, LocalDate today) {
    Map<Long, TaskTally> out = new HashMap<>();
    if (!measureIds.isEmpty()) {
      tally(TALLY_BY_ROOT, measureIds, today, out);
    }
    if (!taskIds.isEmpty()) {
      tally(TALLY_BY_PARENT, taskIds, today, out);
    }
    return out;
  }

  private static final String TALLY_COLUMNS =
      " count(*) as total,"
          + " count(*) filter (where t.status <> 'VERIFIED' and l.light = 'RED') as red,"
          + " count(*) filter (where t.status <> 'VERIFIED' and l.light = 'YELLOW') as yellow,"
          + " count(*) filter (where t.status <> 'VERIFIED' and l.light = 'GREEN') as green,"
          + " count(*) filter (where t.status = 'VERIFIED') as closed"
          + " from measure t cross join lateral (select duban_light(t.status, t.progress, t.start_date, t.current_deadline,"
          + " t.claimed_done_on, t.reporting_missed, :today, :near, :lag) as light) l";
  private static final String TALLY_BY_ROOT = "select t.root_id as item," + TALLY_COLUMNS + " where t.root_id in (:ids) group by t.root_id";
  private static final String TALLY_BY_PARENT = "select t.parent_id as item," + TALLY_COLUMNS + " where t.parent_id in (:ids) group by t.parent_id";

  @SuppressWarnings("unchecked")
  private void tally(String sql, Collection<Long> ids, LocalDate today, Map<Long, TaskTally> out) {
    List<Tuple> rows =
        getEntityManager()
            .createNativeQuery(sql, Tuple.class)
            .setParameter("ids", ids)
            .setParameter("today", today)
            .setParameter("near", rule.nearDeadlineDays())
            .setParameter("lag", rule.lagPoints())
            .getResultList();
    for (Tuple t : rows) {
      long total = ((Number) t.get("total")).longValue();
      long closed = ((Number) t.get("closed")).longValue();
      out.put(((Number) t.get("item")).longValue(), new TaskTally(total, ((Number) t.get("red")).longValue(),
          ((Number) t.get("yellow")).longValue(), ((Number) t.get("green")).longValue(), closed, total - closed));
    }
  }

  /** Whether the item has tasks below it (then it takes no reports: its tasks do). */
  public boolean hasChildren(long id) {
    return count("parent.id", id) > 0;
  }

  /** The children of an item, with what the roll-up needs. */
  public List<Measure> childrenOf(long id) {
    return find("from Measure m where m.parent.id = ?1 order by m.id", id).list();
  }


  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public Map<Long, List<Postponement>> postponementsOf(Collection<Long> measureIds) {
    Map<Long, List<Postponement>> byMeasure = new LinkedHashMap<>();
    if (measureIds.isEmpty()) {
      return byMeasure;
    }
    List<Postponement> all =
        getEntityManager()
            .createQuery(
                "from Postponement p where p.measure.id in :ids order by p.approvedAt, p.id",
                Postponement.class)
            .setParameter("ids", measureIds)
            .getResultList();
    for (Postponement p : all) {
      byMeasure.computeIfAbsent(p.measure.id, k -> new java.util.ArrayList<>()).add(p);
    }
    return byMeasure;
  }

  public Map<Long, Long> pendingReportCounts(Collection<Long> measureIds) {
    Map<Long, Long> counts = new HashMap<>();
    if (measureIds.isEmpty()) {
      return counts;
    }
    List<Tuple> rows =
        getEntityManager()
            .createQuery(
                "select r.measure.id as measure, count(r) as pending from ProgressReport r"
                    + " where r.measure.id in :ids and r.state = 'PENDING' group by r.measure.id",
                Tuple.class)
            .setParameter("ids", measureIds)
            .getResultList();
    for (Tuple row : rows) {
      counts.put(row.get("measure", Long.class), row.get("pending", Long.class));
    }
    return counts;
  }

  public Map<Long, Instant> lastPublicEvents(Collection<Long> measureIds) {
    Map<Long, Instant> last = new HashMap<>();
    if (measureIds.isEmpty()) {
      return last;
    }
    List<Tuple> rows =
        getEntityManager()
            .createQuery(
                "select e.measure.id as measure, max(e.occurredAt) as lastAt from PublicEvent e"
                    + " where e.measure.id in :ids group by e.measure.id",
                Tuple.class)
            .setParameter("ids", measureIds)
            .getResultList();
    for (Tuple row : rows) {
      last.put(row.get("measure", Long.class), row.get("lastAt", Instant.class));
    }
    return last;
  }

  public void addPublicEvent(PublicEvent event) {
    getEntityManager().persist(event);
  }

  public void addPostponement(Postponement postponement) {
    getEntityManager().persist(postponement);
  }

  public List<PublicEvent> timeline(long measureId) {
    return getEntityManager()
        .createQuery(
            "from PublicEvent e where e.measure.id = :id order by e.occurredAt desc, e.id desc",
            PublicEvent.class)
        .setParameter("id", measureId)
        .getResultList();
  }
}

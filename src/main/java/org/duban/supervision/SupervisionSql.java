package org.duban.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.duban.platform.SqlValues;

/**
 * Every SQL statement of supervision: contact leaders, guidance groups, inspections, visits and the
 * rectification items' own facts. Every value is bound; callers bring the transaction.
 */
@ApplicationScoped
public class SupervisionSql {

  private final EntityManager em;

  public SupervisionSql(EntityManager em) {
    this.em = em;
  }

  /** An account as supervision needs it. */
  public record Account(long id, String username, String role, String unitCode, String regionCode) {}

  @SuppressWarnings("unchecked")
  public Optional<Account> account(String username) {
    List<Tuple> rows = em.createNativeQuery("select id, username, role, unit_code, region_code from app_user where username = :u", Tuple.class)
        .setParameter("u", username)
        .getResultList();
    return rows.stream().findFirst().map(r -> new Account(((Number) r.get("id")).longValue(), r.get("username", String.class),
        r.get("role", String.class), r.get("unit_code", String.class), r.get("region_code", String.class)));
  }

  // --- contact leaders ---

  @SuppressWarnings("unchecked")
  public List<String> contactLeaders(long itemId) {
    return em.createNativeQuery("select u.username from contact_leader c join app_user u on u.id = c.user_id where c.item_id = :i order by u.username")
        .setParameter("i", itemId)
        .getResultList();
  }

  public void setContactLeaders(long itemId, List<Long> userIds, Instant now) {
    em.createNativeQuery("delete from contact_leader where item_id = :i").setParameter("i", itemId).executeUpdate();
    for (long u : userIds) {
      em.createNativeQuery("insert into contact_leader (item_id, user_id, created_at) values (:i, :u, :now)")
          .setParameter("i", itemId).setParameter("u", u).setParameter("now", now).executeUpdate();
    }
  }

  public boolean isContactLeader(long itemId, String username) {
    return ((Number) em.createNativeQuery("select count(*) from contact_leader c join app_user u on u.id = c.user_id"
            + " where c.item_id = :i and u.username = :u")
        .setParameter("i", itemId).setParameter("u", username).getSingleResult()).longValue() > 0;
  }

  /** The ids of the items the account is contact leader of. */
  @SuppressWarnings("unchecked")
  public List<Long> itemsLedBy(String username) {
    List<Number> ids = em.createNativeQuery("select c.item_id from contact_leader c join app_user u on u.id = c.user_id"
            + " join measure m on m.id = c.item_id where u.username = :u order by m.code")
        .setParameter("u", username).getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  // --- guidance groups ---

  public record Group(long id, String name, Instant createdAt) {}

  @SuppressWarnings("unchecked")
  public Optional<Group> group(long id) {
    List<Tuple> rows = em.createNativeQuery("select id, name, created_at from guidance_group where id = :id", Tuple.class)
        .setParameter("id", id).getResultList();
    return rows.stream().findFirst().map(SupervisionSql::group);
  }

  @SuppressWarnings("unchecked")
  public List<Group> groups() {
    List<Tuple> rows = em.createNativeQuery("select id, name, created_at from guidance_group order by id", Tuple.class).getResultList();
    return rows.stream().map(SupervisionSql::group).toList();
  }

  private static Group group(Tuple r) {
    return new Group(((Number) r.get("id")).longValue(), r.get("name", String.class), SqlValues.instant(r.get("created_at")));
  }

  public boolean groupNameTaken(String name, Long except) {
    return ((Number) em.createNativeQuery("select count(*) from guidance_group where name = :n and id <> coalesce(cast(:x as bigint), -1)")
        .setParameter("n", name).setParameter("x", except).getSingleResult()).longValue() > 0;
  }

  public long insertGroup(String name, Instant now) {
    return ((Number) em.createNativeQuery("insert into guidance_group (name, created_at) values (:n, :now) returning id")
        .setParameter("n", name).setParameter("now", now).getSingleResult()).longValue();
  }

  public void renameGroup(long id, String name) {
    em.createNativeQuery("update guidance_group set name = :n where id = :id").setParameter("n", name).setParameter("id", id).executeUpdate();
  }

  @SuppressWarnings("unchecked")
  public List<String> members(long groupId) {
    return em.createNativeQuery("select u.username from guidance_group_member gm join app_user u on u.id = gm.user_id"
            + " where gm.group_id = :g order by u.username")
        .setParameter("g", groupId).getResultList();
  }

  @SuppressWarnings("unchecked")
  public List<String> groupRegions(long groupId) {
    return em.createNativeQuery("select region_code from guidance_group_region where group_id = :g order by region_code")
        .setParameter("g", groupId).getResultList();
  }

  @SuppressWarnings("unchecked")
  public List<String> groupUnits(long groupId) {
    return em.createNativeQuery("select unit_code from guidance_group_unit where group_id = :g order by unit_code")
        .setParameter("g", groupId).getResultList();
  }

  public void setMembers(long groupId, List<Long> userIds) {
    em.createNativeQuery("delete from guidance_group_member where group_id = :g").setParameter("g", groupId).executeUpdate();
    for (long u : userIds) {
      em.createNativeQuery("insert into guidance_group_member (group_id, user_id) values (:g, :u)")
          .setParameter("g", groupId).setParameter("u", u).executeUpdate();
    }
  }

  public void setRegions(long groupId, List<String> regions) {
    em.createNativeQuery("delete from guidance_group_region where group_id = :g").setParameter("g", groupId).executeUpdate();
    for (String r : regions) {
      em.createNativeQuery("insert into guidance_group_region (group_id, region_code) values (:g, :r)")
          .setParameter("g", groupId).setParameter("r", r).executeUpdate();
    }
  }

  public void setUnits(long groupId, List<String> units) {
    em.createNativeQuery("delete from guidance_group_unit where group_id = :g").setParameter("g", groupId).executeUpdate();
    for (String u : units) {
      em.createNativeQuery("insert into guidance_group_unit (group_id, unit_code) values (:g, :u)")
          .setParameter("g", groupId).setParameter("u", u).executeUpdate();
    }
  }

  public boolean isMember(long groupId, String username) {
    return ((Number) em.createNativeQuery("select count(*) from guidance_group_member gm join app_user u on u.id = gm.user_id"
            + " where gm.group_id = :g and u.username = :u")
        .setParameter("g", groupId).setParameter("u", username).getSingleResult()).longValue() > 0;
  }

  /** Whether the group is sent to the unit (by name, or by a region containing the unit's) or to a region containing :region. */
  public boolean groupCovers(long groupId, String unitCode, String regionCode) {
    return ((Number) em.createNativeQuery("select count(*) from guidance_group g where g.id = :g and ("
            + " exists (select 1 from guidance_group_unit gu where gu.group_id = g.id and gu.unit_code = cast(:unit as text))"
            + " or exists (select 1 from guidance_group_region gr join region a on a.code = gr.region_code join region b on b.code = :region"
            + "   where gr.group_id = g.id and (b.path = a.path or b.path like a.path || '/%')))")
        .setParameter("g", groupId).setParameter("unit", unitCode).setParameter("region", regionCode).getSingleResult()).longValue() > 0;
  }

  // --- inspections ---

  public record Inspection(long id, long groupId, String groupName, LocalDate date, String unitCode, String regionCode, String findings,
      String recordedBy, Instant createdAt) {}

  private static final String INSPECTION = "select i.id, i.group_id, g.name as group_name, i.inspected_on, i.unit_code, i.region_code,"
      + " i.findings, i.recorded_by, i.created_at from inspection i join guidance_group g on g.id = i.group_id";

  @SuppressWarnings("unchecked")
  public Optional<Inspection> inspection(long id) {
    List<Tuple> rows = em.createNativeQuery(INSPECTION + " where i.id = :id", Tuple.class).setParameter("id", id).getResultList();
    return rows.stream().findFirst().map(SupervisionSql::inspection);
  }

  private static Inspection inspection(Tuple r) {
    return new Inspection(((Number) r.get("id")).longValue(), ((Number) r.get("group_id")).longValue(), r.get("group_name", String.class),
        SqlValues.date(r.get("inspected_on")), r.get("unit_code", String.class), r.get("region_code", String.class),
        r.get("findings", String.class), r.get("recorded_by", String.class), SqlValues.instant(r.get("created_at")));
  }

  /**
   * The inspections the caller reads, newest first: all (:all), or those in the region of :path and
   * below, of a group :user belongs to, covering an item :user is contact leader of, or of the unit :unit.
   */
  @SuppressWarnings("unchecked")
  public List<Inspection> inspections(boolean all, String path, String user, String unit, Long group, int limit, long offset) {
    List<Tuple> rows = em.createNativeQuery(INSPECTION + " where " + INSPECTION_SCOPE
            + " and (cast(:grp as bigint) is null or i.group_id = cast(:grp as bigint))"
            + " order by i.inspected_on desc, i.id desc limit :limit offset :offset", Tuple.class)
        .setParameter("all", all).setParameter("path", path).setParameter("user", user).setParameter("unit", unit)
        .setParameter("grp", group).setParameter("limit", limit).setParameter("offset", offset)
        .getResultList();
    return rows.stream().map(SupervisionSql::inspection).toList();
  }

  public long countInspections(boolean all, String path, String user, String unit, Long group) {
    return ((Number) em.createNativeQuery("select count(*) from inspection i where " + INSPECTION_SCOPE
            + " and (cast(:grp as bigint) is null or i.group_id = cast(:grp as bigint))")
        .setParameter("all", all).setParameter("path", path).setParameter("user", user).setParameter("unit", unit)
        .setParameter("grp", group).getSingleResult()).longValue();
  }

  private static final String INSPECTION_SCOPE = "(cast(:all as boolean)"
      + " or (cast(:path as text) is not null and i.region_code in (select rp.code from region rp where rp.path like cast(:path as text) || '%'))"
      + " or exists (select 1 from guidance_group_member gm join app_user u on u.id = gm.user_id"
      + "   where gm.group_id = i.group_id and u.username = cast(:user as text))"
      + " or exists (select 1 from inspection_item ii join contact_leader c on c.item_id = ii.item_id join app_user u on u.id = c.user_id"
      + "   where ii.inspection_id = i.id and u.username = cast(:user as text))"
      + " or (cast(:unit as text) is not null and i.unit_code = cast(:unit as text)))";

  public long insertInspection(long groupId, LocalDate date, String unit, String region, String findings, String by, Instant now) {
    return ((Number) em.createNativeQuery("insert into inspection (group_id, inspected_on, unit_code, region_code, findings, recorded_by, created_at)"
            + " values (:g, :d, :unit, :region, :f, :by, :now) returning id")
        .setParameter("g", groupId).setParameter("d", date).setParameter("unit", unit).setParameter("region", region)
        .setParameter("f", findings).setParameter("by", by).setParameter("now", now).getSingleResult()).longValue();
  }

  public void addInspectionItem(long inspectionId, long itemId) {
    em.createNativeQuery("insert into inspection_item (inspection_id, item_id) values (:i, :m) on conflict do nothing")
        .setParameter("i", inspectionId).setParameter("m", itemId).executeUpdate();
  }

  @SuppressWarnings("unchecked")
  public List<String> inspectionItems(long inspectionId) {
    return em.createNativeQuery("select m.code from inspection_item ii join measure m on m.id = ii.item_id where ii.inspection_id = :i order by m.code")
        .setParameter("i", inspectionId).getResultList();
  }

  public boolean anyContactLeaderOfInspection(long inspectionId, String username) {
    return ((Number) em.createNativeQuery("select count(*) from inspection_item ii join contact_leader c on c.item_id = ii.item_id"
            + " join app_user u on u.id = c.user_id where ii.inspection_id = :i and u.username = :u")
        .setParameter("i", inspectionId).setParameter("u", username).getSingleResult()).longValue() > 0;
  }

  // --- visits ---

  public record Visit(long id, long itemId, String itemCode, LocalDate date, String place, String participants, String findings,
      List<String> followUps, String recordedBy, Instant createdAt) {}

  private static final String VISIT = "select v.id, v.item_id, m.code as item_code, v.visited_on, v.place, v.participants, v.findings,"
      + " v.follow_ups, v.recorded_by, v.created_at from contact_visit v join measure m on m.id = v.item_id";

  @SuppressWarnings("unchecked")
  public Optional<Visit> visit(long id) {
    List<Tuple> rows = em.createNativeQuery(VISIT + " where v.id = :id", Tuple.class).setParameter("id", id).getResultList();
    return rows.stream().findFirst().map(SupervisionSql::visit);
  }

  /** The visits to items the caller reads as :all (an office or leader of the province), or recorded by :user, or to an item :user leads. */
  @SuppressWarnings("unchecked")
  public List<Visit> visits(boolean all, String path, String user, String item, int limit, long offset) {
    List<Tuple> rows = em.createNativeQuery(VISIT + " where " + VISIT_SCOPE
            + " and (cast(:item as text) is null or m.code = cast(:item as text))"
            + " order by v.visited_on desc, v.id desc limit :limit offset :offset", Tuple.class)
        .setParameter("all", all).setParameter("path", path).setParameter("user", user).setParameter("item", item)
        .setParameter("limit", limit).setParameter("offset", offset).getResultList();
    return rows.stream().map(SupervisionSql::visit).toList();
  }

  public long countVisits(boolean all, String path, String user, String item) {
    return ((Number) em.createNativeQuery("select count(*) from contact_visit v join measure m on m.id = v.item_id where " + VISIT_SCOPE
            + " and (cast(:item as text) is null or m.code = cast(:item as text))")
        .setParameter("all", all).setParameter("path", path).setParameter("user", user).setParameter("item", item)
        .getSingleResult()).longValue();
  }

  private static final String VISIT_SCOPE = "(cast(:all as boolean)"
      + " or (cast(:path as text) is not null and m.kind = 'MEASURE')"
      + " or (cast(:path as text) is not null and m.region_code in (select rp.code from region rp where rp.path like cast(:path as text) || '%'))"
      + " or v.recorded_by = cast(:user as text)"
      + " or exists (select 1 from contact_leader c join app_user u on u.id = c.user_id where c.item_id = v.item_id and u.username = cast(:user as text)))";

  private static Visit visit(Tuple r) {
    Object ups = r.get("follow_ups");
    List<String> followUps = ups instanceof String[] a ? Arrays.asList(a) : ups instanceof java.sql.Array arr ? array(arr) : List.of();
    return new Visit(((Number) r.get("id")).longValue(), ((Number) r.get("item_id")).longValue(), r.get("item_code", String.class),
        SqlValues.date(r.get("visited_on")), r.get("place", String.class), r.get("participants", String.class), r.get("findings", String.class),
        followUps, r.get("recorded_by", String.class), SqlValues.instant(r.get("created_at")));
  }

  private static List<String> array(java.sql.Array a) {
    try {
      return new ArrayList<>(Arrays.asList((String[]) a.getArray()));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public long insertVisit(long itemId, LocalDate date, String place, String participants, String findings, List<String> followUps, String by,
      Instant now) {
    return ((Number) em.createNativeQuery("insert into contact_visit (item_id, visited_on, place, participants, findings, follow_ups, recorded_by,"
            + " created_at) values (:i, :d, :p, :pp, :f, cast(:ups as text[]), :by, :now) returning id")
        .setParameter("i", itemId).setParameter("d", date).setParameter("p", place).setParameter("pp", participants)
        .setParameter("f", findings).setParameter("ups", textArray(followUps)).setParameter("by", by).setParameter("now", now)
        .getSingleResult()).longValue();
  }

  /** A text[] literal: each element double-quoted, quotes and backslashes escaped. */
  static String textArray(List<String> values) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }

  // --- rectification items ---

  public record Rectification(long itemId, long number, long concernsId, Long inspectionId, Long visitId, String finding,
      String requiredOutcome, String createdBy, Instant createdAt) {}

  public long nextRectificationNumber() {
    return ((Number) em.createNativeQuery("select nextval('rectification_number_seq')").getSingleResult()).longValue();
  }

  public void insertRectification(Rectification r) {
    em.createNativeQuery("insert into rectification (item_id, number, concerns_id, inspection_id, visit_id, finding, required_outcome,"
            + " created_by, created_at) values (:item, :n, :c, :i, :v, :f, :o, :by, :at)")
        .setParameter("item", r.itemId()).setParameter("n", r.number()).setParameter("c", r.concernsId())
        .setParameter("i", r.inspectionId()).setParameter("v", r.visitId()).setParameter("f", r.finding())
        .setParameter("o", r.requiredOutcome()).setParameter("by", r.createdBy()).setParameter("at", r.createdAt())
        .executeUpdate();
  }

  private static final String RECTIFICATION = "select item_id, number, concerns_id, inspection_id, visit_id, finding, required_outcome,"
      + " created_by, created_at from rectification";

  @SuppressWarnings("unchecked")
  public Optional<Rectification> rectificationOfItem(long itemId) {
    List<Tuple> rows = em.createNativeQuery(RECTIFICATION + " where item_id = :i", Tuple.class).setParameter("i", itemId).getResultList();
    return rows.stream().findFirst().map(SupervisionSql::rectification);
  }

  private static Rectification rectification(Tuple r) {
    return new Rectification(((Number) r.get("item_id")).longValue(), ((Number) r.get("number")).longValue(),
        ((Number) r.get("concerns_id")).longValue(), r.get("inspection_id") == null ? null : ((Number) r.get("inspection_id")).longValue(),
        r.get("visit_id") == null ? null : ((Number) r.get("visit_id")).longValue(), r.get("finding", String.class),
        r.get("required_outcome", String.class), r.get("created_by", String.class), SqlValues.instant(r.get("created_at")));
  }

  @SuppressWarnings("unchecked")
  public List<Long> rectificationsOf(String column, long id) {
    List<Number> n = em.createNativeQuery("select number from rectification where " + switch (column) {
          case "inspection" -> "inspection_id";
          case "visit" -> "visit_id";
          default -> throw new IllegalArgumentException(column);
        } + " = :id order by number")
        .setParameter("id", id).getResultList();
    return n.stream().map(Number::longValue).toList();
  }

  /** Whether :user is a member of the group whose inspection found the item, or contact leader of what it concerns. */
  public boolean readsAsGroupOrLeader(long itemId, String user) {
    return ((Number) em.createNativeQuery("select count(*) from rectification r where r.item_id = :i and ("
            + " exists (select 1 from inspection i join guidance_group_member gm on gm.group_id = i.group_id join app_user u on u.id = gm.user_id"
            + "   where i.id = r.inspection_id and u.username = :u)"
            + " or exists (select 1 from contact_leader c join app_user u on u.id = c.user_id where c.item_id = r.concerns_id and u.username = :u))")
        .setParameter("i", itemId).setParameter("u", user).getSingleResult()).longValue() > 0;
  }

  /**
   * A page of the rectification items the caller reads (by the rule of ItemScope, in SQL), by
   * number: all (:all), the region of :path and below, the unit :unit's, or :user's as a member of
   * the inspecting group or contact leader of what it concerns; narrowed by the filters.
   */
  @SuppressWarnings("unchecked")
  public List<Long> rectificationItemIds(RectificationFilter f, int limit, long offset) {
    var q = em.createNativeQuery("select m.id from measure m join rectification r on r.item_id = m.id where m.kind = 'RECTIFICATION' and "
        + RECTIFICATION_SCOPE + RECTIFICATION_FILTER + " order by " + (f.openFirst() ? "(m.status = 'VERIFIED'), " : "") + "r.number desc"
        + " limit :limit offset :offset");
    bind(q, f).setParameter("limit", limit).setParameter("offset", offset);
    List<Number> ids = q.getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  public long countRectifications(RectificationFilter f) {
    var q = em.createNativeQuery("select count(*) from measure m join rectification r on r.item_id = m.id where m.kind = 'RECTIFICATION' and "
        + RECTIFICATION_SCOPE + RECTIFICATION_FILTER);
    return ((Number) bind(q, f).getSingleResult()).longValue();
  }

  /** What a list of rectification items is narrowed to; the first five are the caller's scope. */
  public record RectificationFilter(boolean all, String path, String unitScope, String user, String unit, String status, Boolean overdue,
      LocalDate today, String regionPath, String concerns, Long inspection, boolean openFirst) {}

  private static final String RECTIFICATION_SCOPE = "(cast(:all as boolean)"
      + " or (cast(:path as text) is not null and m.region_code in (select rp.code from region rp where rp.path like cast(:path as text) || '%'))"
      + " or (cast(:unitScope as text) is not null and m.lead_unit_code = cast(:unitScope as text))"
      + " or exists (select 1 from inspection i join guidance_group_member gm on gm.group_id = i.group_id join app_user u on u.id = gm.user_id"
      + "   where i.id = r.inspection_id and u.username = cast(:user as text))"
      + " or exists (select 1 from contact_leader c join app_user u on u.id = c.user_id where c.item_id = r.concerns_id"
      + "   and u.username = cast(:user as text)))";

  private static final String RECTIFICATION_FILTER =
      " and (cast(:unit as text) is null or m.lead_unit_code = cast(:unit as text))"
          + " and (cast(:status as text) is null or m.status = cast(:status as text))"
          + " and (cast(:overdue as boolean) is null or duban_overdue(m.status, m.current_deadline, m.claimed_done_on, :today) = cast(:overdue as boolean))"
          + " and (cast(:regionPath as text) is null or m.region_code in (select rq.code from region rq where rq.path like cast(:regionPath as text) || '%'))"
          + " and (cast(:concerns as text) is null or r.concerns_id = (select cm.id from measure cm where cm.code = cast(:concerns as text)))"
          + " and (cast(:inspection as bigint) is null or r.inspection_id = cast(:inspection as bigint))";

  private static jakarta.persistence.Query bind(jakarta.persistence.Query q, RectificationFilter f) {
    return q.setParameter("all", f.all()).setParameter("path", f.path()).setParameter("unitScope", f.unitScope())
        .setParameter("user", f.user()).setParameter("unit", f.unit()).setParameter("status", f.status())
        .setParameter("overdue", f.overdue()).setParameter("today", f.today()).setParameter("regionPath", f.regionPath())
        .setParameter("concerns", f.concerns()).setParameter("inspection", f.inspection());
  }

  /** The open rectification items on each of the items, by item id. */
  @SuppressWarnings("unchecked")
  public java.util.Map<Long, Long> openRectificationCounts(List<Long> itemIds) {
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    if (itemIds.isEmpty()) {
      return out;
    }
    List<Tuple> rows = em.createNativeQuery("select r.concerns_id, count(*) as n from rectification r join measure m on m.id = r.item_id"
            + " where r.concerns_id in (:ids) and m.status <> 'VERIFIED' group by r.concerns_id", Tuple.class)
        .setParameter("ids", itemIds).getResultList();
    rows.forEach(r -> out.put(((Number) r.get("concerns_id")).longValue(), ((Number) r.get("n")).longValue()));
    return out;
  }
}

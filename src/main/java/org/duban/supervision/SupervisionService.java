package org.duban.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.duban.audit.Journal;
import org.duban.identity.Regions;
import org.duban.identity.Unit;
import org.duban.identity.UnitRepository;
import org.duban.measure.ItemKind;
import org.duban.measure.ItemScope;
import org.duban.measure.LightRule;
import org.duban.measure.Measure;
import org.duban.measure.MeasureLifecycle;
import org.duban.measure.MeasureQueries;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;
import org.duban.supervision.dto.ContactLeadersRequest;
import org.duban.supervision.dto.GroupRequest;
import org.duban.supervision.dto.GroupView;
import org.duban.supervision.dto.InspectionRequest;
import org.duban.supervision.dto.InspectionView;
import org.duban.supervision.dto.LeaderHomeView;
import org.duban.supervision.dto.VisitRequest;
import org.duban.supervision.dto.VisitView;

/**
 * The office's follow-up besides reports (督导): contact leaders of measures and tasks, guidance
 * groups and their inspections, contact visits, and a leader's own desk. LEADER accounts write here
 * only their own visits and the inspections of a group they belong to. Every write is journaled.
 */
@ApplicationScoped
public class SupervisionService {

  static final String GROUP = "GROUP";
  static final String INSPECTION = "INSPECTION";
  static final String VISIT = "VISIT";

  private final SupervisionSql sql;
  private final MeasureQueries queries;
  private final ItemScope scope;
  private final Regions regions;
  private final UnitRepository units;
  private final Journal journal;
  private final BusinessCalendar calendar;
  private final LightRule rule;
  private final RectificationService rectifications;
  private final org.duban.measure.MeasureRepository measures;

  public SupervisionService(SupervisionSql sql, MeasureQueries queries, ItemScope scope, Regions regions, UnitRepository units, Journal journal,
      BusinessCalendar calendar, LightRule rule, RectificationService rectifications, org.duban.measure.MeasureRepository measures) {
    this.measures = measures;
    this.sql = sql;
    this.queries = queries;
    this.scope = scope;
    this.regions = regions;
    this.units = units;
    this.journal = journal;
    this.calendar = calendar;
    this.rule = rule;
    this.rectifications = rectifications;
  }

  // --- contact leaders (领导联系) ---

  /** The contact leaders of a measure or task the caller reads. */
  @Transactional
  public List<String> contactLeaders(String code, Actor actor) {
    return sql.contactLeaders(item(code, actor).id);
  }

  /** Sets them (an office that acts on the item): each a LEADER account that reads the item. */
  @Transactional
  public List<String> setContactLeaders(String code, ContactLeadersRequest r, Actor actor) {
    Measure m = item(code, actor);
    scope.requireSupervision(actor, m, "name the contact leaders of");
    List<Long> ids = new ArrayList<>();
    for (String username : new LinkedHashSet<>(r.leaders())) {
      SupervisionSql.Account a = sql.account(username)
          .orElseThrow(() -> ProblemException.invalid("leaders", "no account has the username '" + username + "'"));
      if (!Role.LEADER_.equals(a.role())) {
        throw ProblemException.invalid("leaders", username + " is not a LEADER account");
      }
      if (!scope.reads(new Actor(a.username(), a.role(), a.unitCode(), null, a.regionCode()), m)) {
        throw ProblemException.invalid("leaders", username + " does not see " + m.code + ": its region is " + a.regionCode());
      }
      ids.add(a.id());
    }
    List<String> before = sql.contactLeaders(m.id);
    sql.setContactLeaders(m.id, ids, calendar.now());
    List<String> after = sql.contactLeaders(m.id);
    journal.on(actor, m.id, MeasureLifecycle.entity(m), m.code).change("CONTACT_LEADERS", "contactLeaders", String.join(",", before), String.join(",", after));
    return after;
  }

  /** A leader's own desk: what it is contact leader of, with lights, and the rectification items on them. */
  @Transactional
  public LeaderHomeView home(Actor actor) {
    LocalDate today = calendar.today();
    List<Long> ids = sql.itemsLedBy(actor.username());
    Map<Long, Long> open = sql.openRectificationCounts(ids);
    List<LeaderHomeView.Item> items = new ArrayList<>();
    long overdue = 0;
    for (long id : ids) {
      Measure m = measures.findById(id);
      if (m == null || !scope.reads(actor, m)) {
        continue;
      }
      LightRule.Facts facts = new LightRule.Facts(m.status, m.progress, m.startDate, m.currentDeadline, m.claimedDoneOn, m.reportingMissed);
      boolean late = rule.overdue(facts, today);
      overdue += late ? 1 : 0;
      items.add(new LeaderHomeView.Item(m.code, m.kind.name(), m.title, m.status.name(), m.progress, rule.light(facts, today).name(), late,
          m.currentDeadline, open.getOrDefault(id, 0L)));
    }
    return new LeaderHomeView(items, overdue, rectifications.ofLeader(actor));
  }

  // --- guidance groups (省级指导组) ---

  @Transactional
  public List<GroupView> groups() {
    return sql.groups().stream().map(this::view).toList();
  }

  @Transactional
  public GroupView group(long id) {
    return view(sql.group(id).orElseThrow(() -> groupNotFound(id)));
  }

  /** A new group (an office of the whole province): members LEADER or OFFICE accounts, regions and units that exist. */
  @Transactional
  public GroupView createGroup(GroupRequest r, Actor actor) {
    provincialOffice(actor, "set up guidance groups");
    String name = r.name().strip();
    if (sql.groupNameTaken(name, null)) {
      throw ProblemException.conflict("A guidance group named " + name + " exists already.");
    }
    List<Long> members = members(r.members());
    List<String> regionCodes = regionCodes(r.regions());
    List<String> unitCodes = unitCodes(r.units());
    long id = sql.insertGroup(name, calendar.now());
    sql.setMembers(id, members);
    sql.setRegions(id, regionCodes);
    sql.setUnits(id, unitCodes);
    GroupView v = group(id);
    journal.on(actor, null, GROUP, String.valueOf(id)).action("CREATE", name + "; members " + String.join(",", v.members())
        + "; regions " + String.join(",", v.regions()) + "; units " + String.join(",", v.units()));
    return v;
  }

  /** Renames a group and replaces the lists sent (a list left out stays as it is). */
  @Transactional
  public GroupView updateGroup(long id, GroupRequest r, Actor actor) {
    provincialOffice(actor, "change guidance groups");
    GroupView before = group(id);
    String name = r.name().strip();
    if (sql.groupNameTaken(name, id)) {
      throw ProblemException.conflict("A guidance group named " + name + " exists already.");
    }
    List<Long> members = r.members() == null ? null : members(r.members());
    List<String> regionCodes = r.regions() == null ? null : regionCodes(r.regions());
    List<String> unitCodes = r.units() == null ? null : unitCodes(r.units());
    sql.renameGroup(id, name);
    if (members != null) {
      sql.setMembers(id, members);
    }
    if (regionCodes != null) {
      sql.setRegions(id, regionCodes);
    }
    if (unitCodes != null) {
      sql.setUnits(id, unitCodes);
    }
    GroupView after = group(id);
    var rec = journal.on(actor, null, GROUP, String.valueOf(id));
    rec.change("UPDATE", "name", before.name(), after.name());
    rec.change("UPDATE", "members", String.join(",", before.members()), String.join(",", after.members()));
    rec.change("UPDATE", "regions", String.join(",", before.regions()), String.join(",", after.regions()));
    rec.change("UPDATE", "units", String.join(",", before.units()), String.join(",", after.units()));
    return after;
  }

  private GroupView view(SupervisionSql.Group g) {
    return new GroupView(g.id(), g.name(), sql.members(g.id()), sql.groupRegions(g.id()), sql.groupUnits(g.id()), g.createdAt());
  }

  private List<Long> members(List<String> usernames) {
    List<Long> ids = new ArrayList<>();
    for (String username : usernames == null ? List.<String>of() : new LinkedHashSet<>(usernames)) {
      SupervisionSql.Account a = sql.account(username)
          .orElseThrow(() -> ProblemException.invalid("members", "no account has the username '" + username + "'"));
      if (!Role.LEADER_.equals(a.role()) && !Role.OFFICE_.equals(a.role())) {
        throw ProblemException.invalid("members", username + " is neither a LEADER nor an OFFICE account");
      }
      ids.add(a.id());
    }
    return ids;
  }

  private List<String> regionCodes(List<String> codes) {
    List<String> out = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : new LinkedHashSet<>(codes)) {
      regions.region(code).orElseThrow(() -> ProblemException.invalid("regions", "no region has the code '" + code + "'"));
      out.add(code);
    }
    return out;
  }

  private List<String> unitCodes(List<String> codes) {
    List<String> out = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : new LinkedHashSet<>(codes)) {
      units.findByIdOptional(code).orElseThrow(() -> ProblemException.invalid("units", "no unit has the code '" + code + "'"));
      out.add(code);
    }
    return out;
  }

  // --- inspections ---

  /**
   * Records an inspection: by a member of the group, or an office whose region contains the place
   * inspected. The unit or region must be one the group is sent to; every item covered must be a
   * measure or task the recorder reads.
   */
  @Transactional
  public InspectionView recordInspection(InspectionRequest r, Actor actor) {
    SupervisionSql.Group g = sql.group(r.group()).orElseThrow(() -> ProblemException.invalid("group", "no guidance group has the id " + r.group()));
    String unitCode = blank(r.unit());
    String regionCode = blank(r.region());
    if ((unitCode == null) == (regionCode == null)) {
      throw ProblemException.invalid("unit", "give the unit inspected or the region inspected, one of the two");
    }
    if (unitCode != null) {
      Unit u = units.findByIdOptional(unitCode).orElseThrow(() -> ProblemException.invalid("unit", "no unit has the code '" + unitCode + "'"));
      regionCode = u.regionCode;
    } else {
      String code = regionCode;
      regions.region(code).orElseThrow(() -> ProblemException.invalid("region", "no region has the code '" + code + "'"));
    }
    boolean member = sql.isMember(g.id(), actor.username());
    if (!member && !(actor.is(Role.OFFICE_) && regions.covers(actor, regionCode))) {
      throw ProblemException.forbidden("Only a member of " + g.name() + " or an office whose region contains " + regionCode
          + " may record its inspections.");
    }
    if (!sql.groupCovers(g.id(), unitCode, regionCode)) {
      throw ProblemException.invalid(unitCode != null ? "unit" : "region",
          g.name() + " is not sent to " + (unitCode != null ? unitCode : regionCode) + ": assign it first");
    }
    if (r.date().isAfter(calendar.today())) {
      throw ProblemException.invalid("date", "must not be in the future");
    }
    List<Measure> items = new ArrayList<>();
    for (String code : new LinkedHashSet<>(r.items())) {
      if (ItemKind.ofCode(code) == ItemKind.RECTIFICATION) {
        throw ProblemException.invalid("items", code + " is a rectification item: an inspection covers measures and tasks");
      }
      items.add(itemOr400(code, actor, "items"));
    }
    long id = sql.insertInspection(g.id(), r.date(), unitCode, regionCode, r.findings().strip(), actor.username(), calendar.now());
    for (Measure m : items) {
      sql.addInspectionItem(id, m.id);
    }
    journal.on(actor, null, INSPECTION, String.valueOf(id)).action("CREATE", g.name() + "; " + r.date() + "; "
        + (unitCode != null ? unitCode : regionCode) + "; " + String.join(",", items.stream().map(m -> m.code).toList()));
    return inspectionView(sql.inspection(id).orElseThrow());
  }

  @Transactional
  public InspectionView inspection(long id, Actor actor) {
    return inspectionView(readableInspection(id, actor));
  }

  /** The inspection, or 404 unless the caller reads it. */
  SupervisionSql.Inspection readableInspection(long id, Actor actor) {
    SupervisionSql.Inspection i = sql.inspection(id).orElseThrow(() -> inspectionNotFound(id));
    if (!readsInspection(i, actor)) {
      throw inspectionNotFound(id);
    }
    return i;
  }

  /** The office whose region contains the place, the group's members, the contact leaders of what it covered, the unit inspected. */
  boolean readsInspection(SupervisionSql.Inspection i, Actor actor) {
    return readsInspection(sql, regions, i, actor);
  }

  static boolean readsInspection(SupervisionSql sql, Regions regions, SupervisionSql.Inspection i, Actor actor) {
    if (actor.is(Role.OFFICE_) && regions.covers(actor, i.regionCode())) {
      return true;
    }
    if ((actor.is(Role.OFFICE_) || actor.is(Role.LEADER_))
        && (sql.isMember(i.groupId(), actor.username()) || sql.anyContactLeaderOfInspection(i.id(), actor.username()))) {
      return true;
    }
    return actor.is(Role.REPORTER_) && i.unitCode() != null && i.unitCode().equals(actor.unitCode());
  }

  @Transactional
  public Page<InspectionView> inspections(Long group, PageRequest page, Actor actor) {
    boolean all = actor.is(Role.OFFICE_) && Regions.provincial(actor);
    String path = actor.is(Role.OFFICE_) && !all ? regions.path(actor.regionCode()).orElse(null) : null;
    String unit = actor.is(Role.REPORTER_) ? actor.unitCode() : null;
    List<InspectionView> items = sql.inspections(all, path, actor.username(), unit, group, page.size, page.offset()).stream()
        .map(this::inspectionView).toList();
    return new Page<>(items, page.page, page.size, sql.countInspections(all, path, actor.username(), unit, group));
  }

  private InspectionView inspectionView(SupervisionSql.Inspection i) {
    return new InspectionView(i.id(), i.groupId(), i.groupName(), i.date(), i.unitCode(), i.regionCode(), sql.inspectionItems(i.id()),
        i.findings(), sql.rectificationsOf("inspection", i.id()), i.recordedBy(), i.createdAt());
  }

  // --- visits (联系调研) ---

  /** Records a visit: a contact leader of the item, or an office that acts on it. */
  @Transactional
  public VisitView recordVisit(VisitRequest r, Actor actor) {
    Measure m = itemOr400(r.item(), actor, "item");
    if (m.isRectification()) {
      throw ProblemException.invalid("item", m.code + " is a rectification item: a visit is to a measure or a task");
    }
    boolean leader = actor.is(Role.LEADER_) && sql.isContactLeader(m.id, actor.username());
    if (!leader && !scope.supervises(actor, m)) {
      throw ProblemException.forbidden("Only a contact leader of " + m.code + " or an office that acts on it may record a visit to it.");
    }
    if (r.date().isAfter(calendar.today())) {
      throw ProblemException.invalid("date", "must not be in the future");
    }
    List<String> followUps = r.followUps() == null ? List.of() : r.followUps().stream().map(String::strip).toList();
    long id = sql.insertVisit(m.id, r.date(), r.place().strip(), r.participants().strip(), r.findings().strip(), followUps,
        actor.username(), calendar.now());
    journal.on(actor, m.id, MeasureLifecycle.entity(m), m.code).action("VISIT", "visit " + id + " on " + r.date() + " at " + r.place().strip());
    return visitView(sql.visit(id).orElseThrow());
  }

  @Transactional
  public VisitView visit(long id, Actor actor) {
    return visitView(readableVisit(id, actor));
  }

  /** The visit, or 404 unless the caller reads it: who recorded it, the item's contact leaders, an office that reads the item. */
  SupervisionSql.Visit readableVisit(long id, Actor actor) {
    SupervisionSql.Visit v = sql.visit(id).orElseThrow(() -> visitNotFound(id));
    if (!readsVisit(v, actor)) {
      throw visitNotFound(id);
    }
    return v;
  }

  boolean readsVisit(SupervisionSql.Visit v, Actor actor) {
    if (v.recordedBy().equals(actor.username())) {
      return true;
    }
    Measure m = measures.findById(v.itemId());
    if (actor.is(Role.OFFICE_)) {
      return scope.reads(actor, m);
    }
    return actor.is(Role.LEADER_) && sql.isContactLeader(v.itemId(), actor.username());
  }

  @Transactional
  public Page<VisitView> visits(String item, PageRequest page, Actor actor) {
    boolean all = actor.is(Role.OFFICE_) && Regions.provincial(actor);
    String path = actor.is(Role.OFFICE_) && !all ? regions.path(actor.regionCode()).orElse(null) : null;
    List<VisitView> items = sql.visits(all, path, actor.username(), blank(item), page.size, page.offset()).stream().map(this::visitView).toList();
    return new Page<>(items, page.page, page.size, sql.countVisits(all, path, actor.username(), blank(item)));
  }

  private VisitView visitView(SupervisionSql.Visit v) {
    return new VisitView(v.id(), v.itemCode(), v.date(), v.place(), v.participants(), v.findings(), v.followUps(),
        sql.rectificationsOf("visit", v.id()), v.recordedBy(), v.createdAt());
  }

  // --- helpers ---

  /** A measure or task the caller reads (404 otherwise). */
  private Measure item(String code, Actor actor) {
    if (ItemKind.ofCode(code) == ItemKind.RECTIFICATION) {
      throw ItemScope.notFound(code);
    }
    return queries.visible(code, actor);
  }

  /** The same for a field of a body: 400 naming it. */
  private Measure itemOr400(String code, Actor actor, String field) {
    try {
      return queries.visible(code, actor);
    } catch (ProblemException e) {
      throw ProblemException.invalid(field, "no measure or task you can see has the code '" + code + "'");
    }
  }

  private static void provincialOffice(Actor actor, String what) {
    if (!actor.is(Role.OFFICE_) || !Regions.provincial(actor)) {
      throw ProblemException.forbidden("Only an office of the whole province may " + what + ".");
    }
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static ProblemException groupNotFound(long id) {
    return ProblemException.notFound("There is no guidance group " + id + ".");
  }

  static ProblemException inspectionNotFound(long id) {
    return ProblemException.notFound("There is no inspection " + id + ".");
  }

  static ProblemException visitNotFound(long id) {
    return ProblemException.notFound("There is no visit " + id + ".");
  }
}

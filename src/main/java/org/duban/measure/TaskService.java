package org.duban.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.audit.Journal;
import org.duban.identity.Region;
import org.duban.identity.Regions;
import org.duban.identity.Unit;
import org.duban.identity.UnitRepository;
import org.duban.measure.dto.CreateTaskRequest;
import org.duban.measure.dto.MilestoneInput;
import org.duban.measure.dto.PatchTaskRequest;
import org.duban.measure.dto.TaskView;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Precondition;
import org.duban.platform.ProblemException;

/**
 * Breaking a measure down into local tasks (分解任务), one per region, and changing a task. A task
 * nests by region: under the task of the nearest enclosing region that has one, else under the
 * measure; a new city task takes the county tasks of its city under it. A task's deadline is never
 * after its parent's. Its life cycle (reports, claim done, verify, postpone, reopen) is the
 * measure's ({@link MeasureLifecycle}): one engine.
 */
@ApplicationScoped
public class TaskService {

  static final String ENTITY = "TASK";

  private final MeasureRepository measures;
  private final UnitRepository units;
  private final Regions regions;
  private final ItemScope scope;
  private final Journal journal;
  private final BusinessCalendar calendar;
  private final MeasureViews views;
  private final Rollups rollups;
  private final MeasureQueries queries;

  public TaskService(MeasureRepository measures, UnitRepository units, Regions regions, ItemScope scope, Journal journal,
      BusinessCalendar calendar, MeasureViews views, Rollups rollups, MeasureQueries queries) {
    this.measures = measures;
    this.units = units;
    this.regions = regions;
    this.scope = scope;
    this.journal = journal;
    this.calendar = calendar;
    this.views = views;
    this.rollups = rollups;
    this.queries = queries;
  }

  @Transactional
  public TaskView create(String measureCode, CreateTaskRequest r, Actor actor) {
    MeasureQueries.requireKind(measureCode, ItemKind.MEASURE);
    Measure measure = measures.findByCodeForUpdate(measureCode).orElseThrow(() -> MeasureQueries.notFound(measureCode));
    Region region = regions.region(r.region())
        .orElseThrow(() -> ProblemException.invalid("region", "no region has the code '" + r.region() + "'"));
    if (region.parentCode == null) {
      throw ProblemException.invalid("region", "a task is for a city or county: the province's share is the measure itself");
    }
    Measure probe = new Measure();
    probe.kind = ItemKind.TASK;
    probe.regionCode = region.code;
    probe.code = ItemKind.taskCode(measure.code, region.code);
    if (!scope.supervises(actor, probe)) {
      throw ProblemException.forbidden("Only an office whose region contains " + region.code + " may create a task there.");
    }
    if (measure.status == MeasureStatus.VERIFIED) {
      throw ProblemException.conflict("Measure " + measure.code + " is verified and closed: reopen it before breaking it down.");
    }
    String code = probe.code;
    if (measures.findByCode(code).isPresent()) {
      throw ProblemException.conflict("Task " + code + " exists already: " + measure.code + " has one task per region.");
    }
    Unit unit = localUnit(r.unit(), region);
    List<Measure> tasks = measures.tasksOf(measure.id);
    Map<String, Region> regionOf = regionsOf(tasks, region);
    Measure parent = nearestParent(measure, tasks, regionOf, region);
    if (r.deadline().isAfter(parent.currentDeadline)) {
      throw ProblemException.invalid("deadline", "must be on or before the deadline of " + parent.code + " (" + parent.currentDeadline + ")");
    }
    if (r.targetShares() != null && r.targetShares().size() > measure.targets.size()) {
      throw ProblemException.invalid("targetShares", "has " + r.targetShares().size() + " values but " + measure.code + " has "
          + measure.targets.size() + " target(s)");
    }
    Instant now = calendar.now();
    Measure t = new Measure();
    t.kind = ItemKind.TASK;
    t.code = code;
    t.root = measure;
    t.parent = parent;
    t.regionCode = region.code;
    t.area = measure.area;
    t.title = measure.title + "（" + region.name + "）";
    t.leadUnit = unit;
    t.startDate = r.startDate() == null ? measure.startDate : r.startDate();
    if (r.deadline().isBefore(t.startDate)) {
      throw ProblemException.invalid("deadline", "must not be before startDate " + t.startDate);
    }
    t.committedDeadline = r.deadline();
    t.currentDeadline = r.deadline();
    t.status = MeasureStatus.NOT_STARTED;
    t.progress = 0;
    t.notes = MeasureEditing.blankToNull(r.notes());
    t.createdAt = now;
    t.updatedAt = now;
    for (Target mt : measure.targets) {
      Target tt = new Target();
      tt.measure = t;
      tt.position = mt.position;
      tt.description = mt.description;
      tt.unitLabel = mt.unitLabel;
      tt.dueDate = mt.dueDate == null || mt.dueDate.isAfter(t.currentDeadline) ? null : mt.dueDate;
      tt.aggregation = mt.aggregation;
      int i = measure.targets.indexOf(mt);
      tt.targetValue = r.targetShares() == null || i >= r.targetShares().size() ? null : r.targetShares().get(i);
      t.targets.add(tt);
    }
    setMilestones(t, r.milestones());
    measures.persist(t);
    var rec = journal.on(actor, t.id, ENTITY, t.code);
    rec.action("CREATE", null);
    rec.change("CREATE", "parent", null, parent.code);
    rec.change("CREATE", "region", null, t.regionCode);
    rec.change("CREATE", "unit", null, unit.code);
    rec.change("CREATE", "startDate", null, t.startDate);
    rec.change("CREATE", "committedDeadline", null, t.committedDeadline);
    rec.change("CREATE", "deadline", null, t.currentDeadline);
    rec.change("CREATE", "targets", null, JournalTexts.targetText(t.targets));
    rec.change("CREATE", "milestones", null, JournalTexts.milestoneText(t.milestones));
    journal.on(actor, measure.id, MeasureLifecycle.ENTITY, measure.code).change("ADD_TASK", "tasks", null, t.code);
    adoptChildren(t, tasks, regionOf, region, actor);
    measures.flush();
    rollUpAround(t, actor);
    return views.task(t, region.name);
  }

  @Transactional
  public TaskView patch(String code, PatchTaskRequest r, Precondition precondition, Actor actor) {
    if (!precondition.present()) {
      throw ProblemException.preconditionRequired();
    }
    Measure t = task(code);
    scope.requireSupervision(actor, t, "change");
    precondition.require(t.version);
    var rec = journal.on(actor, t.id, ENTITY, t.code);
    Region region = regions.region(t.regionCode).orElseThrow();
    if (r.unit() != null && !r.unit().equals(t.leadUnit.code)) {
      Unit unit = localUnit(r.unit(), region);
      rec.change("UPDATE", "unit", t.leadUnit.code, unit.code);
      t.leadUnit = unit;
    }
    if (r.targetShares() != null) {
      checkSize("targetShares", r.targetShares(), t);
      for (Target target : t.targets) {
        int i = t.targets.indexOf(target);
        BigDecimal share = i < r.targetShares().size() ? r.targetShares().get(i) : null;
        if (!sameNumber(target.targetValue, share)) {
          rec.change("UPDATE", "targets[" + target.position + "].share", JournalTexts.plain(target.targetValue), JournalTexts.plain(share));
          target.targetValue = share;
        }
      }
    }
    if (r.targetActuals() != null) {
      if (measures.hasChildren(t.id)) {
        throw ProblemException.conflict("Task " + t.code + " has tasks below it: its actuals roll up from them.");
      }
      checkSize("targetActuals", r.targetActuals(), t);
      for (Target target : t.targets) {
        int i = t.targets.indexOf(target);
        BigDecimal actual = i < r.targetActuals().size() ? r.targetActuals().get(i) : null;
        if (!sameNumber(target.actualValue, actual)) {
          rec.change("UPDATE", "targets[" + target.position + "].actual", JournalTexts.plain(target.actualValue), JournalTexts.plain(actual));
          target.actualValue = actual;
        }
      }
    }
    if (r.milestones() != null) {
      String before = JournalTexts.milestoneText(t.milestones);
      t.milestones.clear();
      measures.flush();
      setMilestones(t, r.milestones());
      rec.change("UPDATE", "milestones", before, JournalTexts.milestoneText(t.milestones));
    }
    if (r.notes() != null && rec.change("UPDATE", "notes", t.notes, MeasureEditing.blankToNull(r.notes()))) {
      t.notes = MeasureEditing.blankToNull(r.notes());
    }
    t.updatedAt = calendar.now();
    measures.flush();
    rollups.above(t, actor);
    return views.task(t, region.name);
  }

  @Transactional
  public TaskView get(String code, Actor actor) {
    Measure t = task(code);
    scope.requireRead(actor, t);
    return views.task(t, regions.region(t.regionCode).map(x -> x.name).orElse(t.regionCode));
  }

  /** A measure's tasks as the actor may see them, in code order. */
  @Transactional
  public List<TaskView> ofMeasure(String measureCode, Actor actor) {
    MeasureQueries.requireKind(measureCode, ItemKind.MEASURE);
    Measure m = queries.visible(measureCode, actor);
    Map<String, String> names = regionNames();
    return measures.tasksOf(m.id).stream().filter(t -> scope.reads(actor, t)).map(t -> views.task(t, names.get(t.regionCode))).toList();
  }

  /** Every task the actor may see, with the list filters (region=, unit=, status=, light=, overdue=, measure=). */
  @Transactional
  public Page<TaskView> list(MeasureFilter filter, PageRequest page, Actor actor) {
    MeasureRepository.Found found = queries.search(filter.ofKind(ItemKind.TASK), page, actor);
    if (found == null) {
      return new Page<>(List.of(), page.page, page.size, 0);
    }
    Map<String, String> names = regionNames();
    return new Page<>(found.items().stream().map(t -> views.task(t, names.get(t.regionCode))).toList(), page.page, page.size, found.total());
  }

  /** Marks a task as illustrative (TRACKER_DEMO_SAMPLE_TASKS): sample: true, 示例数据 wherever it shows. */
  @Transactional
  public void markSample(String code, Actor actor) {
    Measure t = task(code);
    if (!t.sample) {
      measures.getEntityManager().createNativeQuery("update measure set sample = true where id = ?1").setParameter(1, t.id).executeUpdate();
      journal.on(actor, t.id, ENTITY, t.code).change("CREATE", "sample", false, true);
    }
  }

  /** Whether any task exists (the sample loader adds none twice). */
  @Transactional
  public boolean anyTask() {
    return measures.count("kind", ItemKind.TASK) > 0;
  }

  /** A step of the shared life cycle on a task, answered as the task's view (one transaction). */
  @Transactional
  public TaskView step(String code, Actor actor, java.util.function.Consumer<String> step) {
    MeasureQueries.requireKind(code, ItemKind.TASK);
    step.accept(code);
    return get(code, actor);
  }

  private Map<String, String> regionNames() {
    return regions.all().stream().collect(Collectors.toMap(x -> x.code, x -> x.name));
  }

  private Measure task(String code) {
    MeasureQueries.requireKind(code, ItemKind.TASK);
    return measures.findByCodeWithUnits(code).orElseThrow(() -> ItemScope.notFound(code));
  }

  /** The responsible unit must exist and sit in the task's region. */
  private Unit localUnit(String code, Region region) {
    Unit unit = units.findByIdOptional(code).orElseThrow(() -> ProblemException.invalid("unit", "no unit has the code '" + code + "'"));
    if (!region.code.equals(unit.regionCode)) {
      throw ProblemException.invalid("unit", "unit " + unit.code + " sits in region " + unit.regionCode + ", not in " + region.code);
    }
    return unit;
  }

  private Map<String, Region> regionsOf(List<Measure> tasks, Region extra) {
    List<String> codes = new ArrayList<>(tasks.stream().map(x -> x.regionCode).toList());
    codes.add(extra.code);
    return regions.list("code in ?1", codes).stream().collect(Collectors.toMap(x -> x.code, Function.identity()));
  }

  /** The task of the nearest region above {@code region} that has one, else the measure. */
  private static Measure nearestParent(Measure measure, List<Measure> tasks, Map<String, Region> regionOf, Region region) {
    return tasks.stream()
        .filter(x -> {
          Region r = regionOf.get(x.regionCode);
          return r != null && !r.code.equals(region.code) && r.contains(region);
        })
        .max(Comparator.comparingInt(x -> regionOf.get(x.regionCode).level))
        .orElse(measure);
  }

  /** Tasks in regions below the new one whose parent is now farther up move under it. */
  private void adoptChildren(Measure t, List<Measure> tasks, Map<String, Region> regionOf, Region region, Actor actor) {
    var em = measures.getEntityManager();
    for (Measure other : tasks) {
      Region r = regionOf.get(other.regionCode);
      if (r == null || r.code.equals(region.code) || !region.contains(r)) {
        continue;
      }
      Region parentRegion = other.parent.isTask() ? regionOf.get(other.parent.regionCode) : null;
      if (parentRegion == null || parentRegion.level < region.level) {
        Measure old = other.parent;
        em.createNativeQuery("update measure set parent_id = ?1 where id = ?2").setParameter(1, t.id).setParameter(2, other.id).executeUpdate();
        journal.on(actor, other.id, ENTITY, other.code).change("MOVE", "parent", old.code, t.code);
        em.refresh(other);
      }
    }
  }

  /** After a task is added: its parent and the parent's old parent (children may have moved) roll up. */
  private void rollUpAround(Measure t, Actor actor) {
    rollups.rollUp(t.id, actor);
    rollups.above(t, actor);
  }

  private static void setMilestones(Measure t, List<MilestoneInput> inputs) {
    if (inputs == null) {
      return;
    }
    for (int i = 0; i < inputs.size(); i++) {
      MilestoneInput in = inputs.get(i);
      Milestone s = new Milestone();
      s.measure = t;
      s.position = i;
      s.title = in.title().trim();
      s.dueDate = in.dueDate();
      s.doneOn = in.doneOn();
      s.assumption = MeasureEditing.blankToNull(in.assumption());
      t.milestones.add(s);
    }
  }

  private static void checkSize(String field, List<BigDecimal> values, Measure t) {
    if (values.size() > t.targets.size()) {
      throw ProblemException.invalid(field, "has " + values.size() + " values but " + t.code + " has " + t.targets.size() + " target(s)");
    }
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return Objects.equals(a, b) || a != null && b != null && a.compareTo(b) == 0;
  }
}

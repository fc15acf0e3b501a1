package org.duban.catalogue;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import org.duban.identity.Region;
import org.duban.identity.Regions;
import org.duban.identity.UnitService;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.measure.MeasureRepository;
import org.duban.measure.TaskService;
import org.duban.measure.dto.CreateTaskRequest;
import org.duban.platform.Actor;
import org.duban.platform.TrackerConfig;
import org.jboss.logging.Logger;

/**
 * TRACKER_DEMO_SAMPLE_TASKS=true (off by default): illustrative local tasks, since the transcript
 * names none. J05 (方便人民群众就近诉讼) gets one task per city, carried by the city's intermediate
 * court (a unit in the provincial court's line), due a month before the measure; each is marked
 * sample: true and shows 示例数据. Runs after the catalogue loads and before the demo accounts are
 * made (so every sample court gets its reporter-&lt;unit&gt;), once: never when a task exists.
 */
@ApplicationScoped
public class SampleTasks {

  private static final Logger LOG = Logger.getLogger(SampleTasks.class);
  static final String MEASURE = "J05";

  private final TrackerConfig config;
  private final TaskService tasks;
  private final MeasureRepository measures;
  private final Regions regions;
  private final UnitService units;

  public SampleTasks(TrackerConfig config, TaskService tasks, MeasureRepository measures, Regions regions, UnitService units) {
    this.config = config;
    this.tasks = tasks;
    this.measures = measures;
    this.regions = regions;
    this.units = units;
  }

  @jakarta.transaction.Transactional
  void onStart(@Observes @Priority(15) StartupEvent event) {
    if (!config.demo().sampleTasks()) {
      return;
    }
    // instances starting at once take turns; the later ones find the tasks made
    units.lockForBootstrap();
    if (tasks.anyTask()) {
      return;
    }
    var measure = measures.findByCode(MEASURE);
    if (measure.isEmpty()) {
      LOG.warnf("TRACKER_DEMO_SAMPLE_TASKS is on but there is no measure %s: no sample task added", MEASURE);
      return;
    }
    LocalDate deadline = measure.get().currentDeadline.minusMonths(1);
    Actor actor = Actor.system("sample-tasks");
    int added = 0;
    for (Region city : regions.list("level = 2 order by code")) {
      String unit = "fy" + city.code;
      if (!units.unitCodes().contains(unit)) {
        units.createUnit(new CreateUnitRequest(unit, city.name + "中级人民法院（示例）", null, city.code, "fy"), actor);
      }
      String code = tasks.create(MEASURE, new CreateTaskRequest(city.code, unit, deadline, null, null, null, "示例数据：发布会未公布分解任务"), actor).code();
      tasks.markSample(code, actor);
      added++;
    }
    LOG.infof("TRACKER_DEMO_SAMPLE_TASKS: %d sample tasks of %s added (marked 示例数据)", added, MEASURE);
  }
}

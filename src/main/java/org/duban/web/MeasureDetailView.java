package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.duban.identity.CurrentActor;
import org.duban.identity.Region;
import org.duban.identity.Regions;
import org.duban.measure.MeasureQueries;
import org.duban.measure.MeasureStatus;
import org.duban.measure.TaskService;
import org.duban.measure.dto.TaskView;
import org.duban.measure.dto.MeasureView;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Role;
import org.duban.reporting.ReportService;
import org.duban.reporting.dto.ReportView;

/**
 * A measure's page: its facts, reports and only the forms the reader's role may use ({@link
 * Actions}). Rendered for a GET, and again for a form that was refused (with the reason and the
 * refusal's status), so the reader sees what changed meanwhile.
 */
@ApplicationScoped
public class MeasureDetailView {

  private final Template measure;
  private final MeasureQueries measures;
  private final ReportService reports;
  private final CurrentActor actor;
  private final BusinessCalendar calendar;
  private final StaffView view;
  private final ReportEvidence evidence;
  private final TaskService tasks;
  private final Regions regions;

  public MeasureDetailView(@Location("staff/measure.html") Template measure, MeasureQueries measures, ReportService reports,
      CurrentActor actor, BusinessCalendar calendar, StaffView view, TaskService tasks, Regions regions, ReportEvidence evidence) {
    this.evidence = evidence;
    this.tasks = tasks;
    this.regions = regions;
    this.measure = measure;
    this.measures = measures;
    this.reports = reports;
    this.actor = actor;
    this.calendar = calendar;
    this.view = view;
  }

  Response render(String code, Lang l, UriInfo uri, String done, String error, int status) {
    Actor a = actor.get();
    MeasureView m = measures.get(code, a);
    Page<ReportView> found =
        a.is(Role.ADMIN_) ? new Page<>(List.of(), 0, 100, 0) : reports.list(code, null, null, PageRequest.of(0, 100).validated(), a);
    // tasks-ui (issue 14): its tasks, and the form that adds one for an office whose region may take one
    List<TaskView> itsTasks = tasks.ofMeasure(code, a);
    List<Region> taskRegions = a.is(Role.OFFICE_) && m.status() != MeasureStatus.VERIFIED
        ? regions.all().stream().filter(r -> r.parentCode != null && regions.covers(a, r.code)).toList()
        : List.of();
    return view.render(measure.instance()
            .data("m", m)
            .data("tasks", itsTasks)
            .data("taskRegions", taskRegions)
            .data("openTasks", m.tasks() != null && m.tasks().total() > m.tasks().closed())
            .data("reports", found.items())
            .data("files", evidence.files(found.items(), a))
            .data("attachable", evidence.attachable(found.items(), a))
            .data("maxMb", evidence.maxMb())
            .data("can", Actions.of(m, a))
            .data("office", a.is(Role.OFFICE_))
            .data("done", done)
            .data("error", error)
            .data("today", calendar.today()),
        l, uri, "measures", status);
  }
}

package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.duban.identity.CurrentActor;
import org.duban.identity.Regions;
import org.duban.measure.ItemKind;
import org.duban.measure.TaskService;
import org.duban.measure.dto.TaskView;
import org.duban.platform.Actor;
import org.duban.platform.BusinessCalendar;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Role;
import org.duban.reporting.ReportService;
import org.duban.reporting.dto.ReportView;

/**
 * A local task's page (issue 14): its facts (measure, parent, region, unit, dates, shares and
 * actuals, milestones, postponements), its reports and only the forms the reader may use ({@link
 * Actions#ofTask}). Rendered for a GET and again for a refused form, with the reason and the
 * refusal's status. A task the reader may not see is a 404, as in the API.
 */
@ApplicationScoped
public class TaskDetailView {

  private final Template task;
  private final TaskService tasks;
  private final ReportService reports;
  private final Regions regions;
  private final CurrentActor actor;
  private final BusinessCalendar calendar;
  private final StaffView view;
  private final ReportEvidence evidence;

  public TaskDetailView(@Location("staff/task.html") Template task, TaskService tasks, ReportService reports, Regions regions,
      CurrentActor actor, BusinessCalendar calendar, StaffView view, ReportEvidence evidence) {
    this.evidence = evidence;
    this.task = task;
    this.tasks = tasks;
    this.reports = reports;
    this.regions = regions;
    this.actor = actor;
    this.calendar = calendar;
    this.view = view;
  }

  Response render(String code, Lang l, UriInfo uri, String done, String error, int status) {
    Actor a = actor.get();
    TaskView t = tasks.get(code, a);
    boolean supervises = a.is(Role.OFFICE_) && regions.covers(a, t.region().code());
    Page<ReportView> found =
        a.is(Role.ADMIN_) ? new Page<>(List.of(), 0, 100, 0) : reports.list(code, null, null, PageRequest.of(0, 100).validated(), a);
    Actions can = Actions.ofTask(t, a, supervises);
    boolean openBelow = t.tasks() != null && t.tasks().total() > t.tasks().closed();
    return view.render(task.instance()
            .data("t", t)
            .data("parentIsTask", ItemKind.ofCode(t.parent()) == ItemKind.TASK)
            .data("reports", found.items())
            .data("files", evidence.files(found.items(), a))
            .data("attachable", evidence.attachable(found.items(), a))
            .data("maxMb", evidence.maxMb())
            .data("can", can)
            .data("openBelow", openBelow)
            .data("done", done)
            .data("error", error)
            .data("today", calendar.today()),
        l, uri, "tasks", status);
  }
}

package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.duban.identity.CurrentActor;
import org.duban.identity.Regions;
import org.duban.measure.ItemKind;
import org.duban.measure.MeasureFilter;
import org.duban.measure.MeasureStatus;
import org.duban.measure.TaskService;
import org.duban.measure.dto.TaskView;
import org.duban.platform.Page;
import org.duban.platform.Params;
import org.duban.platform.Role;

/**
 * The local tasks (issue 14): the list with the API's filters (measure, region, status, light,
 * overdue; {@link TaskService#list}, so an account with a region sees that region and below) and a
 * task's page ({@link TaskDetailView}); the forms post to {@link TaskForms}.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICE_, Role.LEADER_, Role.REPORTER_, Role.ADMIN_})
public class TaskPages {

  private final Template list;
  private final TaskService tasks;
  private final TaskDetailView detail;
  private final Regions regions;
  private final CurrentActor actor;
  private final StaffView view;

  public TaskPages(@Location("staff/tasks.html") Template list, TaskService tasks, TaskDetailView detail, Regions regions,
      CurrentActor actor, StaffView view) {
    this.list = list;
    this.tasks = tasks;
    this.detail = detail;
    this.regions = regions;
    this.actor = actor;
    this.view = view;
  }

  @GET
  @Path("tasks")
  public Response list(
      @QueryParam("measure") String measure,
      @QueryParam("region") String region,
      @QueryParam("status") String status,
      @QueryParam("light") String light,
      @QueryParam("overdue") String overdue,
      @QueryParam("page") String pageParam,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    ListForm paging = new ListForm(null, light, status, overdue, null, pageParam);
    MeasureFilter base = paging.filter();
    MeasureFilter filter = new MeasureFilter(null, null, base.status(), base.overdue(), null, base.light(), ItemKind.TASK,
        ListForm.blank(region) ? null : Params.textOf("region", region.strip(), 6),
        ListForm.blank(measure) ? null : Params.textOf("measure", measure.strip(), 16));
    Page<TaskView> found = tasks.list(filter, paging.pageRequest(), actor.get());
    StringBuilder query = new StringBuilder();
    String[][] pairs = {{"measure", measure}, {"region", region}, {"status", status}, {"light", light}, {"overdue", overdue}};
    for (String[] p : pairs) {
      if (!ListForm.blank(p[1])) {
        query.append('&').append(p[0]).append('=').append(URLEncoder.encode(p[1].strip(), StandardCharsets.UTF_8));
      }
    }
    return view.render(Paging.of(list.instance(), found)
            .data("found", found)
            .data("regions", regions.all().stream().filter(r -> r.parentCode != null).toList())
            .data("lights", Charts.LIGHTS)
            .data("statuses", MeasureStatus.values())
            .data("measure", ListForm.nz(measure))
            .data("region", ListForm.nz(region))
            .data("status", ListForm.nz(status))
            .data("light", ListForm.nz(light))
            .data("overdue", ListForm.nz(overdue))
            .data("query", query.toString()),
        Lang.of(lang, headers), uri, "tasks");
  }

  @GET
  @Path("tasks/{taskCode}")
  public Response detail(
      @PathParam("taskCode") String code,
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return detail.render(code, Lang.of(lang, headers), uri, done, null, Response.Status.OK.getStatusCode());
  }

}

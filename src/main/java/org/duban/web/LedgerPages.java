package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.duban.dashboard.DashboardService;
import org.duban.dashboard.LedgerExport;
import org.duban.dashboard.RegionScope;
import org.duban.identity.CurrentActor;
import org.duban.identity.Regions;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The ledger (台账) as a page (LEADER, OFFICE, as GET /api/v1/ledger.xlsx): today's, or that of a
 * closed round whose ledger was kept, chosen in a select; its lines as a table and the workbook to
 * download, written by the API's export code; the tasks ledger (任务台账) of the region chosen
 * (within the account's) below it.
 */
@Path("/staff")
@RolesAllowed({Role.LEADER_, Role.OFFICE_})
public class LedgerPages {

  private final Template ledger;
  private final DashboardService dashboards;
  private final LedgerExport export;
  private final StaffView view;
  private final CurrentActor actor;
  private final Regions regions;

  /** At most this many task lines on the page; the workbook has them all. */
  static final int TASK_LINES_SHOWN = 200;

  public LedgerPages(@Location("staff/ledger.html") Template ledger, DashboardService dashboards, LedgerExport export, StaffView view,
      CurrentActor actor, Regions regions) {
    this.ledger = ledger;
    this.dashboards = dashboards;
    this.export = export;
    this.view = view;
    this.actor = actor;
    this.regions = regions;
  }

  @GET
  @Path("ledger")
  @Produces(MediaType.TEXT_HTML)
  public Response page(@QueryParam("round") String round, @QueryParam("region") String region, @QueryParam("lang") String lang,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    String error = null;
    int status = 200;
    DashboardService.KeptRound kept = null;
    RegionScope.Scope scope;
    String regionParam = "";
    try {
      scope = dashboards.scope(region, actor.get());
      regionParam = region == null || region.isBlank() ? "" : scope.param();
    } catch (ProblemException e) {
      // an unknown region or one outside the account's: the page says why and shows the account's own
      error = StaffView.describe(e, l);
      status = e.status();
      scope = dashboards.scope(null, actor.get());
    }
    try {
      kept = kept(round);
    } catch (ProblemException e) {
      // an unknown or unkept round: the page says why, with the refusal's status, and shows today's
      error = StaffView.describe(e, l);
      status = e.status();
    }
    List<DashboardService.LedgerRow> rows = new ArrayList<>();
    dashboards.eachLedgerRow(kept, scope, rows::add);
    List<DashboardService.TaskLedgerRow> tasks = new ArrayList<>();
    long[] taskCount = {0};
    dashboards.eachLedgerTask(kept, scope, t -> {
      if (++taskCount[0] <= TASK_LINES_SHOWN) {
        tasks.add(t);
      }
    });
    String query = (kept == null ? "" : "&round=" + kept.code()) + (regionParam.isEmpty() ? "" : "&region=" + regionParam);
    return view.render(ledger.instance()
            .data("rounds", dashboards.keptRounds())
            .data("round", kept == null ? "" : kept.code())
            .data("rows", rows)
            .data("tasks", tasks)
            .data("taskCount", taskCount[0])
            .data("regionChoices", DashboardPage.regionChoices(regions, actor.get()))
            .data("region", regionParam)
            .data("download", "/staff/ledger.xlsx" + (query.isEmpty() ? "" : "?" + query.substring(1)))
            .data("error", error),
        l, uri, "ledger", status);
  }

  @GET
  @Path("ledger.xlsx")
  @Produces(OverduePages.XLSX)
  public Response xlsx(@QueryParam("round") String round, @QueryParam("region") String region) {
    RegionScope.Scope scope = dashboards.scope(region, actor.get());
    DashboardService.KeptRound kept = kept(round);
    StreamingOutput body = out -> export.xlsx(kept, scope, out);
    String name = kept == null ? "ledger.xlsx" : "ledger-" + kept.code() + ".xlsx";
    return Response.ok(body, OverduePages.XLSX)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private DashboardService.KeptRound kept(String round) {
    return round == null || round.isBlank() ? null : dashboards.keptRound(round.strip());
  }
}

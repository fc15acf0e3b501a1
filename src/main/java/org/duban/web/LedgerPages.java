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
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The ledger (台账) as a page (LEADER, OFFICE, as GET /api/v1/ledger.xlsx): today's, or that of a
 * closed round whose ledger was kept, chosen in a select; its lines as a table and the workbook to
 * download, written by the API's export code.
 */
@Path("/staff")
@RolesAllowed({Role.LEADER_, Role.OFFICE_})
public class LedgerPages {

  private final Template ledger;
  private final DashboardService dashboards;
  private final LedgerExport export;
  private final StaffView view;

  public LedgerPages(@Location("staff/ledger.html") Template ledger, DashboardService dashboards, LedgerExport export, StaffView view) {
    this.ledger = ledger;
    this.dashboards = dashboards;
    this.export = export;
    this.view = view;
  }

  @GET
  @Path("ledger")
  @Produces(MediaType.TEXT_HTML)
  public Response page(@QueryParam("round") String round, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    String error = null;
    int status = 200;
    DashboardService.KeptRound kept = null;
    try {
      kept = kept(round);
    } catch (ProblemException e) {
      // an unknown or unkept round: the page says why, with the refusal's status, and shows today's
      error = StaffView.describe(e, l);
      status = e.status();
    }
    List<DashboardService.LedgerRow> rows = new ArrayList<>();
    dashboards.eachLedgerRow(kept, rows::add);
    return view.render(ledger.instance()
            .data("rounds", dashboards.keptRounds())
            .data("round", kept == null ? "" : kept.code())
            .data("rows", rows)
            .data("error", error),
        l, uri, "ledger", status);
  }

  @GET
  @Path("ledger.xlsx")
  @Produces(OverduePages.XLSX)
  public Response xlsx(@QueryParam("round") String round) {
    DashboardService.KeptRound kept = kept(round);
    StreamingOutput body = out -> export.xlsx(kept, out);
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

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.duban.dashboard.DashboardService;
import org.duban.dashboard.OverdueExport;
import org.duban.dashboard.OverdueFilter;
import org.duban.dashboard.dto.OverdueRow;
import org.duban.dashboard.RegionScope;
import org.duban.identity.CurrentActor;
import org.duban.identity.Regions;
import org.duban.identity.UnitService;
import org.duban.measure.Area;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The overdue report as a page (LEADER, OFFICE, as GET /api/v1/overdue): measures and local tasks
 * (their kind and region shown), filters by area, unit and region (within the account's),
 * days overdue sortable by a link, paged; and its downloads, which call the API's export code with
 * the same filter (the page session cannot call /api).
 */
@Path("/staff")
@RolesAllowed({Role.LEADER_, Role.OFFICE_})
public class OverduePages {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Template overdue;
  private final DashboardService dashboards;
  private final OverdueExport export;
  private final UnitService units;
  private final StaffView view;
  private final CurrentActor actor;
  private final Regions regions;

  public OverduePages(@Location("staff/overdue.html") Template overdue, DashboardService dashboards, OverdueExport export,
      UnitService units, StaffView view, CurrentActor actor, Regions regions) {
    this.overdue = overdue;
    this.dashboards = dashboards;
    this.export = export;
    this.units = units;
    this.view = view;
    this.actor = actor;
    this.regions = regions;
  }

  @GET
  @Path("overdue")
  @Produces(MediaType.TEXT_HTML)
  public Response page(
      @QueryParam("area") String area,
      @QueryParam("unit") String unit,
      @QueryParam("sort") String sort,
      @QueryParam("region") String region,
      @QueryParam("page") String pageParam,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    String error = null;
    int status = 200;
    OverdueFilter filter;
    PageRequest page;
    String regionParam = "";
    try {
      RegionScope.Scope scope = dashboards.scope(region, actor.get());
      regionParam = region == null || region.isBlank() ? "" : scope.param();
      filter = OverdueFilter.of(area, unit, sort).within(scope);
      page = new ListForm(null, null, null, null, null, pageParam).pageRequest();
    } catch (ProblemException e) {
      // a bad filter: the page with the reason and the whole report (of the account's region), never a problem+json to a reader
      error = StaffView.describe(e, l);
      status = e.status();
      filter = OverdueFilter.ALL.within(dashboards.scope(null, actor.get()));
      page = PageRequest.of(0, ListForm.PAGE_SIZE);
    }
    Page<OverdueRow> found = dashboards.overdue(filter, page);
    String filterQuery = query(filter) + (regionParam.isEmpty() ? "" : "&region=" + enc(regionParam));
    return view.render(Paging.of(overdue.instance(), found)
            .data("found", found)
            .data("areas", Area.values())
            .data("units", units.units())
            .data("area", filter.area() == null ? "" : filter.area().name())
            .data("unit", filter.unit() == null ? "" : filter.unit())
            .data("regionChoices", DashboardPage.regionChoices(regions, actor.get()))
            .data("region", regionParam)
            .data("sort", filter.sort())
            .data("longestFirst", filter.longestFirst())
            .data("filterQuery", filterQuery)
            .data("query", filterQuery + "&sort=" + enc(filter.sort()))
            .data("otherSort", filter.longestFirst() ? "overdueDays" : "-overdueDays")
            .data("error", error),
        l, uri, "overdue", status);
  }

  @GET
  @Path("overdue.csv")
  @Produces("text/csv")
  public Response csv(@QueryParam("area") String area, @QueryParam("unit") String unit, @QueryParam("sort") String sort,
      @QueryParam("region") String region) {
    OverdueFilter filter = OverdueFilter.of(area, unit, sort).within(dashboards.scope(region, actor.get()));
    StreamingOutput body = out -> export.csv(filter, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"overdue.csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("overdue.xlsx")
  @Produces(XLSX)
  public Response xlsx(@QueryParam("area") String area, @QueryParam("unit") String unit, @QueryParam("sort") String sort,
      @QueryParam("region") String region) {
    OverdueFilter filter = OverdueFilter.of(area, unit, sort).within(dashboards.scope(region, actor.get()));
    StreamingOutput body = out -> export.xlsx(filter, out);
    return Response.ok(body, XLSX)
        .header("Content-Disposition", "attachment; filename=\"overdue.xlsx\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The filter's area and unit as a query string (the sort link and the pager keep them). */
  private static String query(OverdueFilter f) {
    StringBuilder sb = new StringBuilder();
    if (f.area() != null) {
      sb.append("&area=").append(f.area().name());
    }
    if (f.unit() != null) {
      sb.append("&unit=").append(enc(f.unit()));
    }
    return sb.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

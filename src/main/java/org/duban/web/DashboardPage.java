package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.dashboard.DashboardService;
import org.duban.dashboard.dto.DashboardView;
import org.duban.measure.Area;
import org.duban.dashboard.RegionScope;
import org.duban.identity.CurrentActor;
import org.duban.identity.Region;
import org.duban.identity.Regions;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * The leadership dashboard as a page: the cards, the area × light chart with its table twin, the
 * trend; the region view (the cities as tiles roughly where they lie, with the table twin; a city's
 * counties as a table), the regions most overdue, reporting by region. {@code region=} as the API's.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

  private final Template dashboard;
  private final DashboardService dashboards;
  private final StaffView view;
  private final Msg zh;
  private final Msg en;
  private final CurrentActor actor;
  private final Regions regions;
  private final RegionViewMsg rzh;
  private final RegionViewMsg ren;

  public DashboardPage(
      @Location("staff/dashboard.html") Template dashboard, DashboardService dashboards, StaffView view, Msg zh, @Localized("en") Msg en,
      CurrentActor actor, Regions regions, RegionViewMsg rzh, @Localized("en") RegionViewMsg ren) {
    this.dashboard = dashboard;
    this.dashboards = dashboards;
    this.view = view;
    this.zh = zh;
    this.en = en;
    this.actor = actor;
    this.regions = regions;
    this.rzh = rzh;
    this.ren = ren;
  }

  /** The regions an actor may choose in a page's region filter: its own and below (all for the province). */
  static List<Region> regionChoices(Regions regions, Actor actor) {
    List<Region> all = regions.all();
    if (Regions.provincial(actor)) {
      return all;
    }
    Region own = all.stream().filter(r -> r.code.equals(actor.regionCode())).findFirst().orElse(null);
    return own == null ? List.of() : all.stream().filter(own::contains).toList();
  }

  /** A row of the area x light table under the chart (the chart's accessible twin). */
  public record AreaRow(String area, List<LightCount> counts) {}

  public record LightCount(String light, long count) {}

  @GET
  @Path("dashboard")
  @RolesAllowed({Role.LEADER_, Role.OFFICE_})
  public Response dashboard(@QueryParam("region") String region, @QueryParam("lang") String lang, @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    Msg msg = l.english() ? en : zh;
    RegionViewMsg rmsg = l.english() ? ren : rzh;
    String error = null;
    int status = 200;
    RegionScope.Scope scope;
    try {
      scope = dashboards.scope(region, actor.get());
    } catch (ProblemException e) {
      // an unknown region or one outside the account's: the page says why, with that status, and shows the account's own
      error = StaffView.describe(e, l);
      status = e.status();
      scope = dashboards.scope(null, actor.get());
    }
    DashboardView data = dashboards.dashboard(scope);
    Map<String, String> areaNames = new LinkedHashMap<>();
    for (Area a : Area.values()) {
      areaNames.put(a.name(), msg.area(a.name()));
    }
    Map<String, String> lightNames = new LinkedHashMap<>();
    for (String light : Charts.LIGHTS) {
      lightNames.put(light, msg.light(light));
    }
    List<AreaRow> areaRows = new ArrayList<>();
    for (Area a : Area.values()) {
      List<LightCount> counts = new ArrayList<>();
      for (String light : Charts.LIGHTS) {
        long n = data.byAreaAndLight().stream()
            .filter(c -> c.area().equals(a.name()) && c.light().equals(light))
            .mapToLong(DashboardView.AreaLight::count).sum();
        counts.add(new LightCount(light, n));
      }
      areaRows.add(new AreaRow(a.name(), counts));
    }
    return view.render(dashboard.instance()
            .data("view", data)
            .data("lights", Charts.LIGHTS)
            .data("areaRows", areaRows)
            .data("areaChart", Charts.areaLights(data.byAreaAndLight(), areaNames, lightNames, msg.byArea()))
            .data("trendChart", Charts.trend(data.trend(), lightNames, msg.trend()))
            .data("regionTiles", Charts.tiled(data.byRegion())
                ? Charts.regionTiles(data.byRegion(),
                    rmsg::regionTile,
                    "/staff/dashboard?region=", lightNames, rmsg.regionTilesTitle(), rmsg.regionNoTasks(), rmsg.regionTilesNote())
                : null)
            .data("regionChoices", regionChoices(regions, actor.get()))
            .data("region", scope.param())
            .data("regionQuery", scope.region() == null ? "" : "?region=" + scope.param())
            .data("error", error),
        l, uri, "dashboard", status);
  }
}

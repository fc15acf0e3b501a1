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
import org.duban.platform.Role;

/** The leadership dashboard as a page: the cards, the area × light chart with its table twin, the trend. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

  private final Template dashboard;
  private final DashboardService dashboards;
  private final StaffView view;
  private final Msg zh;
  private final Msg en;

  public DashboardPage(
      @Location("staff/dashboard.html") Template dashboard, DashboardService dashboards, StaffView view, Msg zh, @Localized("en") Msg en) {
    this.dashboard = dashboard;
    this.dashboards = dashboards;
    this.view = view;
    this.zh = zh;
    this.en = en;
  }

  /** A row of the area x light table under the chart (the chart's accessible twin). */
  public record AreaRow(String area, List<LightCount> counts) {}

  public record LightCount(String light, long count) {}

  @GET
  @Path("dashboard")
  @RolesAllowed({Role.LEADER_, Role.OFFICE_})
  public Response dashboard(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    Msg msg = l.english() ? en : zh;
    DashboardView data = dashboards.dashboard();
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
            .data("trendChart", Charts.trend(data.trend(), lightNames, msg.trend())),
        l, uri, "dashboard");
  }
}

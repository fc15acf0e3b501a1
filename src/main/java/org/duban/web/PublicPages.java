package org.duban.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
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
import java.nio.charset.StandardCharsets;
import org.duban.measure.MeasureFilter;
import org.duban.platform.PageRequest;
import org.duban.publicapi.PublicCache;
import org.duban.publicapi.PublicService;
import org.duban.publicapi.dto.PublicMeasure;

/**
 * The public pages (no login, no script, Chinese first): the list of measures with their lights and
 * filters, a measure's page with its timeline, postponements, verification and breakdown by city,
 * the list of cities and a city's page (its tasks and its counties'). Built only from
 * the public API's allow-listed records, and cached like it.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

  private final Template index;
  private final Template measure;
  private final Template regions;
  private final Template region;
  private final PublicService service;
  private final PublicCache cache;

  public PublicPages(
      @Location("public/index.html") Template index,
      @Location("public/measure.html") Template measure,
      @Location("public/regions.html") Template regions,
      @Location("public/region.html") Template region,
      PublicService service,
      PublicCache cache) {
    this.index = index;
    this.measure = measure;
    this.regions = regions;
    this.region = region;
    this.service = service;
    this.cache = cache;
  }

  @GET
  public Response list(
      @QueryParam("area") String area,
      @QueryParam("light") String light,
      @QueryParam("status") String status,
      @QueryParam("overdue") String overdue,
      @QueryParam("q") String q,
      @QueryParam("page") String pageParam,
      @QueryParam("lang") String lang,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    ListForm form = new ListForm(area, light, status, overdue, q, pageParam);
    MeasureFilter filter = form.filter();
    PageRequest page = form.pageRequest();
    return html(key("/", uri, l), headers, l, () -> form.fill(index.instance(), service.list(filter, page))
        .data("summary", service.summary())
        .data("rules", service.rules()), uri);
  }

  @GET
  @Path("measures/{code}")
  public Response one(
      @PathParam("code") String code, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    return html(key("/measures/" + code, uri, l), headers, l, () -> measure.instance()
        .data("m", service.get(code))
        .data("events", service.timeline(code))
        .data("tasks", service.tasks(code))
        .data("rules", service.rules()), uri);
  }

  /** The 16 cities, each linking to its page. */
  @GET
  @Path("regions")
  public Response cities(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    return html(key("/regions", uri, l), headers, l, () -> regions.instance().data("cities", service.cities()), uri);
  }

  /** What a city (with its counties) has done on the measures: its counts and its tasks. */
  @GET
  @Path("regions/{code}")
  public Response region(
      @PathParam("code") String code, @QueryParam("page") String pageParam, @QueryParam("lang") String lang,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    int page = org.duban.platform.Params.wholeNumber("page", pageParam, 0, 0, 1_000_000);
    return html(key("/regions/" + code, uri, l), headers, l, () -> {
      org.duban.publicapi.dto.PublicRegion r = service.region(code, page, REGION_PAGE);
      long pages = Math.max(1, (r.total() + REGION_PAGE - 1) / REGION_PAGE);
      return region.instance()
          .data("r", r)
          .data("shownPage", page + 1)
          .data("pages", pages)
          .data("prevPage", page > 0 ? Integer.valueOf(page - 1) : null)
          .data("nextPage", page + 1 < pages ? Integer.valueOf(page + 1) : null)
          .data("rules", service.rules());
    }, uri);
  }

  /** Tasks per page of a region's page: a city's (~300) on three pages at most. */
  static final int REGION_PAGE = 100;

  private Response html(String key, HttpHeaders headers, Lang l, java.util.function.Supplier<TemplateInstance> page, UriInfo uri) {
    Response r = cache.bytes(key, headers, "text/html; charset=UTF-8", () -> page.get()
        .data("lang", l.code())
        .data("switchLink", relative(uri.getRequestUriBuilder().replaceQueryParam("lang", l.other()).build()))
        .setLocale(l.locale())
        .render()
        .getBytes(StandardCharsets.UTF_8));
    return Response.fromResponse(r).cookie(l.cookie()).build();
  }

  /** Path and query only: a cached page never carries the Host header a client sent. */
  private static String relative(java.net.URI link) {
    return link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
  }

  private static String key(String path, UriInfo uri, Lang l) {
    String q = uri.getRequestUri().getRawQuery();
    return "page:" + l.code() + ":" + path + (q == null ? "" : "?" + q);
  }
}

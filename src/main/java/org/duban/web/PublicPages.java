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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.duban.measure.Area;
import org.duban.measure.MeasureFilter;
import org.duban.measure.MeasureStatus;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.ProblemException;
import org.duban.publicapi.PublicCache;
import org.duban.publicapi.PublicService;
import org.duban.publicapi.dto.PublicMeasure;
import org.duban.scan.Light;

/**
 * The public pages (no login, no script, Chinese first): the list of measures with their lights and
 * filters, and a measure's page with its timeline, postponements and verification. Built only from
 * the public API's allow-listed records, and cached like it.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

  private final Template index;
  private final Template measure;
  private final PublicService service;
  private final PublicCache cache;

  public PublicPages(
      @Location("public/index.html") Template index,
      @Location("public/measure.html") Template measure,
      PublicService service,
      PublicCache cache) {
    this.index = index;
    this.measure = measure;
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
    MeasureFilter filter =
        new MeasureFilter(
            blank(area) ? null : Params.enumOf(Area.class, "area", area),
            null,
            blank(status) ? null : Params.enumOf(MeasureStatus.class, "status", status),
            blank(overdue) ? null : Params.booleanOf("overdue", overdue),
            blank(q) ? null : Params.textOf("q", q.strip(), 100),
            blank(light) ? null : Params.enumOf(Light.class, "light", light));
    int pageNo;
    try {
      pageNo = blank(pageParam) ? 0 : Math.max(0, Integer.parseInt(pageParam.strip()));
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("page", "must be a whole number from 0");
    }
    PageRequest page = PageRequest.of(pageNo, 50).validated();
    String query = query(area, light, status, overdue, q);
    return html(key("/", uri, l), headers, l, () -> {
      Page<PublicMeasure> found = service.list(filter, page);
      long pages = Math.max(1, (found.total() + found.size() - 1) / found.size());
      return index.instance()
          .data("found", found)
          .data("summary", service.summary())
          .data("rules", service.rules())
          .data("areas", Area.values())
          .data("lights", Charts.LIGHTS)
          .data("statuses", MeasureStatus.values())
          .data("area", nz(area))
          .data("light", nz(light))
          .data("status", nz(status))
          .data("overdue", nz(overdue))
          .data("q", nz(q))
          .data("shownPage", found.page() + 1)
          .data("pages", pages)
          .data("prevPage", found.page() > 0 ? Integer.valueOf(found.page() - 1) : null)
          .data("nextPage", found.page() + 1 < pages ? Integer.valueOf(found.page() + 1) : null)
          .data("query", query);
    }, uri);
  }

  @GET
  @Path("measures/{code}")
  public Response one(
      @PathParam("code") String code, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
    Lang l = Lang.of(lang, headers);
    return html(key("/measures/" + code, uri, l), headers, l, () -> measure.instance()
        .data("m", service.get(code))
        .data("events", service.timeline(code))
        .data("rules", service.rules()), uri);
  }

  private Response html(String key, HttpHeaders headers, Lang l, java.util.function.Supplier<TemplateInstance> page, UriInfo uri) {
    Response r = cache.bytes(key, headers, "text/html; charset=UTF-8", () -> page.get()
        .data("lang", l.code())
        .data("switchLink", uri.getRequestUriBuilder().replaceQueryParam("lang", l.other()).build().toString())
        .setLocale(l.locale())
        .render()
        .getBytes(StandardCharsets.UTF_8));
    return Response.fromResponse(r).cookie(l.cookie()).build();
  }

  private static String key(String path, UriInfo uri, Lang l) {
    String q = uri.getRequestUri().getRawQuery();
    return "page:" + l.code() + ":" + path + (q == null ? "" : "?" + q);
  }

  private static String query(String... values) {
    String[] names = {"area", "light", "status", "overdue", "q"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      if (!blank(values[i])) {
        sb.append('&').append(names[i]).append('=').append(URLEncoder.encode(values[i].strip(), StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

package org.duban.publicapi;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.duban.measure.Area;
import org.duban.measure.MeasureFilter;
import org.duban.measure.MeasureStatus;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.publicapi.dto.PublicEventView;
import org.duban.publicapi.dto.PublicMeasure;
import org.duban.publicapi.dto.PublicRules;
import org.duban.publicapi.dto.PublicSummary;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public API: no login, no personal data, no internal notes. */
@Path("/api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public", description = "commitment status for everyone, no login")
public class PublicResource {

  private final PublicService service;
  private final PublicFeeds feeds;

  public PublicResource(PublicService service, PublicFeeds feeds) {
    this.service = service;
    this.feeds = feeds;
  }

  @GET
  @Path("measures.csv")
  @Produces("text/csv")
  @Operation(summary = "The public catalogue as CSV (UTF-8 with BOM, opens in Excel)")
  @APIResponse(responseCode = "200", description = "the catalogue", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
      mediaType = "text/csv", example = "\ufeffcode,area,title,...\r\nB01,BUSINESS,建立政法领导干部联系服务重大项目制度,..."))
  public jakarta.ws.rs.core.Response csv() {
    jakarta.ws.rs.core.StreamingOutput body = feeds::catalogueCsv;
    return jakarta.ws.rs.core.Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"measures.csv\"").build();
  }

  @GET
  @Path("feed.atom")
  @Produces("application/atom+xml")
  @Operation(summary = "Atom 1.0 feed of the public timeline: accepted progress, postponements, claims, verification")
  @APIResponse(responseCode = "200", description = "the feed (the latest 500 events)", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
      mediaType = "application/atom+xml", example = "<feed xmlns=\"http://www.w3.org/2005/Atom\">...</feed>"))
  public jakarta.ws.rs.core.Response atom(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
    String base = uri.getBaseUri().toString();
    jakarta.ws.rs.core.StreamingOutput body = out -> feeds.atom(out, base.endsWith("/") ? base : base + "/");
    return jakarta.ws.rs.core.Response.ok(body, "application/atom+xml; charset=UTF-8").build();
  }

  @GET
  @Path("measures")
  @Operation(summary = "The measures, filtered and paged")
  @APIResponse(responseCode = "200", description = "a page of measures")
  @APIResponse(responseCode = "400", description = "a filter or page parameter is invalid")
  public Page<PublicMeasure> list(
      @QueryParam("area") @Parameter(description = "BUSINESS, STABILITY or JUSTICE", example = "JUSTICE") String area,
      @QueryParam("unit") @Parameter(description = "lead or co-unit code", example = "fy") String unit,
      @QueryParam("status") @Parameter(example = "IN_PROGRESS") String status,
      @QueryParam("overdue") @Parameter(description = "true or false", example = "true") String overdue,
      @QueryParam("q") @Parameter(description = "substring of the title", example = "执行") String q,
      @QueryParam("light") @Parameter(description = "GREEN, YELLOW, RED or CLOSED", example = "RED") String light,
      @BeanParam PageRequest page) {
    return service.list(
        new MeasureFilter(
            Params.enumOf(Area.class, "area", area),
            Params.textOf("unit", unit, 32),
            Params.enumOf(MeasureStatus.class, "status", status),
            Params.booleanOf("overdue", overdue),
            Params.textOf("q", q, 100),
            Params.enumOf(org.duban.scan.Light.class, "light", light)),
        page.validated());
  }

  @GET
  @Path("measures/{code}")
  @Operation(summary = "One measure: status, light, deadlines, postponements")
  @APIResponse(responseCode = "200", description = "the measure")
  @APIResponse(responseCode = "404", description = "no such measure")
  public PublicMeasure get(@PathParam("code") @Parameter(example = "J04") String code) {
    return service.get(code);
  }

  @GET
  @Path("measures/{code}/timeline")
  @Operation(summary = "Accepted progress, postponements with reasons, claims and verification, newest first")
  @APIResponse(responseCode = "200", description = "the timeline")
  @APIResponse(responseCode = "404", description = "no such measure")
  public List<PublicEventView> timeline(@PathParam("code") @Parameter(example = "J04") String code) {
    return service.timeline(code);
  }

  @GET
  @Path("summary")
  @Operation(summary = "Counts by area, status and light; the overdue count")
  @APIResponse(responseCode = "200", description = "the counts")
  public PublicSummary summary() {
    return service.summary();
  }

  @GET
  @Path("rules")
  @Operation(summary = "The warning-light rule and its thresholds, as configured")
  @APIResponse(responseCode = "200", description = "the rule")
  public PublicRules rules() {
    return service.rules();
  }
}

package org.duban.publicapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.duban.measure.Area;
import org.duban.measure.MeasureFilter;
import org.duban.measure.MeasureStatus;
import org.duban.platform.PageRequest;
import org.duban.platform.Params;
import org.duban.platform.PublicBaseUrl;
import org.duban.publicapi.dto.PublicEventView;
import org.duban.publicapi.dto.PublicMeasure;
import org.duban.publicapi.dto.PublicRegion;
import org.duban.publicapi.dto.PublicRules;
import org.duban.publicapi.dto.PublicTask;
import org.duban.publicapi.dto.PublicSummary;
import org.duban.publicapi.dto.PublicMeasurePage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
  private final PublicCache cache;
  private final PublicBaseUrl links;

  public PublicResource(PublicService service, PublicFeeds feeds, PublicCache cache, PublicBaseUrl links) {
    this.service = service;
    this.feeds = feeds;
    this.cache = cache;
    this.links = links;
  }

  @GET
  @Path("measures.csv")
  @Produces("text/csv")
  @Operation(summary = "The public catalogue as CSV (UTF-8 with BOM, opens in Excel)")
  @APIResponse(responseCode = "200", description = "the catalogue", content = @Content(
      mediaType = "text/csv", example = "\ufeffcode,area,title,...\r\nB01,BUSINESS,建立政法领导干部联系服务重大项目制度,..."))
  public Response csv(@Context HttpHeaders headers, @Context UriInfo uri) {
    return Response.fromResponse(cache.bytes(key(uri), headers, "text/csv; charset=UTF-8", () -> render(feeds::catalogueCsv)))
        .header("Content-Disposition", "attachment; filename=\"measures.csv\"").build();
  }

  @GET
  @Path("feed.atom")
  @Produces("application/atom+xml")
  @Operation(summary = "Atom 1.0 feed of the public timeline: accepted progress, postponements, claims, verification, reopening, suspension, resumption")
  @APIResponse(responseCode = "200", description = "the feed (the latest 500 events)", content = @Content(
      mediaType = "application/atom+xml", example = "<feed xmlns=\"http://www.w3.org/2005/Atom\">...</feed>"))
  public Response atom(@Context HttpHeaders headers, @Context UriInfo uri) {
    // links from TRACKER_PUBLIC_BASE_URL, never from the Host header: one cached feed for everybody
    return cache.bytes(key(uri), headers, "application/atom+xml; charset=UTF-8", () -> render(out -> feeds.atom(out, links.base())));
  }

  private static byte[] render(StreamingOutput out) {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    try {
      out.write(buffer);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  @GET
  @Path("measures")
  @Operation(summary = "The measures, filtered and paged")
  @APIResponse(responseCode = "200", description = "a page of measures",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicMeasurePage.class)))
  @APIResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "400", description = "a filter or page parameter is invalid")
  public Response list(
      @QueryParam("area") @Parameter(description = "BUSINESS, STABILITY or JUSTICE", example = "JUSTICE") String area,
      @QueryParam("unit") @Parameter(description = "lead or co-unit code", example = "fy") String unit,
      @QueryParam("status") @Parameter(example = "IN_PROGRESS") String status,
      @QueryParam("overdue") @Parameter(description = "true or false", example = "true") String overdue,
      @QueryParam("q") @Parameter(description = "substring of the title", example = "执行") String q,
      @QueryParam("light") @Parameter(description = "GREEN, YELLOW, RED or CLOSED", example = "RED") String light,
      @BeanParam PageRequest page,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    MeasureFilter filter =
        new MeasureFilter(
            Params.enumOf(Area.class, "area", area),
            Params.textOf("unit", unit, 32),
            Params.enumOf(MeasureStatus.class, "status", status),
            Params.booleanOf("overdue", overdue),
            Params.textOf("q", q, 100),
            Params.enumOf(org.duban.measure.Light.class, "light", light));
    PageRequest valid = page.validated();
    return cache.json(key(uri), headers, () -> service.list(filter, valid));
  }

  @GET
  @Path("measures/{code}")
  @Operation(summary = "One measure: status, light, deadlines, postponements")
  @APIResponse(responseCode = "200", description = "the measure",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicMeasure.class)))
  @APIResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "404", description = "no such measure")
  public Response get(
      @PathParam("code") @Parameter(example = "J04") String code, @Context HttpHeaders headers, @Context UriInfo uri) {
    return cache.json(key(uri), headers, () -> service.get(code));
  }

  @GET
  @Path("measures/{code}/timeline")
  @Operation(summary = "Accepted progress, postponements with reasons, claims, verification, reopening, suspension and resumption (their public sentences only), newest first")
  @APIResponse(responseCode = "200", description = "the timeline",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PublicEventView.class)))
  @APIResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "404", description = "no such measure")
  public Response timeline(
      @PathParam("code") @Parameter(example = "J04") String code, @Context HttpHeaders headers, @Context UriInfo uri) {
    return cache.json(key(uri), headers, () -> service.timeline(code));
  }

  @GET
  @Path("measures/{code}/tasks")
  @Operation(summary = "A measure broken down by city and county: each task's region, unit, progress, light, status, deadlines, postponements and target shares")
  @APIResponse(responseCode = "200", description = "the measure's tasks, the province's regions in code order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PublicTask.class)))
  @APIResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "404", description = "no such measure")
  public Response tasks(
      @PathParam("code") @Parameter(example = "J05") String code, @Context HttpHeaders headers, @Context UriInfo uri) {
    return cache.json(key(uri), headers, () -> service.tasks(code));
  }

  @GET
  @Path("regions/{code}")
  @Operation(summary = "What a city (or the province, or a county) has done on the measures: its tasks and theirs below it, counted by light and status")
  @APIResponse(responseCode = "200", description = "the region",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicRegion.class)))
  @APIResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "404", description = "no such region")
  @APIResponse(responseCode = "400", description = "page or size out of range",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.duban.platform.Problem.class)))
  public Response region(
      @PathParam("code") @Parameter(example = "370100", description = "GB/T 2260 code") String code,
      @QueryParam("page") @Parameter(description = "page of tasks, from 0", example = "0") String page,
      @QueryParam("size") @Parameter(description = "tasks per page, 1 to 1000 (default 1000)", example = "1000") String size,
      @Context HttpHeaders headers, @Context UriInfo uri) {
    int p = org.duban.platform.Params.wholeNumber("page", page, 0, 0, 1_000_000);
    int n = org.duban.platform.Params.wholeNumber("size", size, PublicService.REGION_PAGE_SIZE, 1, PublicService.REGION_PAGE_SIZE);
    return cache.json(key(uri), headers, () -> service.region(code, p, n));
  }

  @GET
  @Path("summary")
  @Operation(summary = "Counts by area, status and light; the overdue count")
  @APIResponse(responseCode = "200", description = "the counts",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicSummary.class)))
  @APIResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
  public Response summary(@Context HttpHeaders headers, @Context UriInfo uri) {
    return cache.json(key(uri), headers, service::summary);
  }

  @GET
  @Path("rules")
  @Operation(summary = "The warning-light rule and its thresholds, as configured; the roll-up rule of measures with tasks")
  @APIResponse(responseCode = "200", description = "the rule",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicRules.class)))
  @APIResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
  public Response rules(@Context HttpHeaders headers, @Context UriInfo uri) {
    return cache.json(key(uri), headers, service::rules);
  }

  /** The cache key: the path and the query exactly as sent (the same as PublicGate's). */
  private static String key(UriInfo uri) {
    return PublicGate.key(uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery());
  }
}

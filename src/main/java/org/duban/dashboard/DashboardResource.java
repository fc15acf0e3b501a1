package org.duban.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.duban.dashboard.dto.DashboardView;
import org.duban.dashboard.dto.OverdueRow;
import org.duban.identity.CurrentActor;
import org.duban.platform.Role;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Leadership's dashboard and the overdue report (JSON, CSV, XLSX). */
@Path("/api/v1")
@RolesAllowed({Role.LEADER_, Role.OFFICE_})
@Tag(name = "Dashboard", description = "leadership views and reports")
public class DashboardResource {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final DashboardService service;
  private final OverdueExport export;
  private final LedgerExport ledger;
  private final CurrentActor actor;

  public DashboardResource(DashboardService service, OverdueExport export, LedgerExport ledger, CurrentActor actor) {
    this.service = service;
    this.export = export;
    this.ledger = ledger;
    this.actor = actor;
  }

  @GET
  @Path("ledger.xlsx")
  @Produces(XLSX)
  @Operation(summary = "The progress ledger (台账): a summary sheet, one sheet per area (the measures), lights as coloured cells, and 任务台账 (the local tasks by region)")
  @APIResponse(responseCode = "200", description = "the workbook, as of today or as of the round's close", content = @Content(mediaType = XLSX,
      schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"),
      example = "(binary .xlsx)"))
  @APIResponse(responseCode = "400", description = "round is not a month such as 2021-06, or no region has that code")
  @APIResponse(responseCode = "403", description = "region is outside the account's region")
  @APIResponse(responseCode = "404", description = "no such round, not closed yet, or closed without a kept ledger (catch-up after downtime)")
  public Response ledgerXlsx(
      @QueryParam("round") @Parameter(description = "a closed dispatch round: the ledger as it stood when it closed", example = "2021-06")
          String round,
      @QueryParam("region") @Parameter(description = "only this region and below (GB/T 2260 code); an account with a region is held to it", example = "370100") String region) {
    RegionScope.Scope scope = service.scope(region, actor.get());
    DashboardService.KeptRound kept = round == null || round.isBlank() ? null : service.keptRound(round.strip());
    StreamingOutput body = out -> ledger.xlsx(kept, scope, out);
    String name = kept == null ? "ledger.xlsx" : "ledger-" + kept.code() + ".xlsx";
    return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
  }

  @GET
  @Path("dashboard")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Counts by area x light and by status, the longest overdue, last round's reporting by unit, the trend;"
      + " the region view: the cities (or a city's counties) x lights, the most overdue, reporting by region")
  @APIResponse(responseCode = "200", description = "the dashboard")
  @APIResponse(responseCode = "400", description = "no region has that code")
  @APIResponse(responseCode = "403", description = "region is outside the account's region")
  public DashboardView dashboard(@QueryParam("region") @Parameter(description = "only this region and below (GB/T 2260 code); an account with a region is held to it", example = "370100") String region) {
    return service.dashboard(service.scope(region, actor.get()));
  }

  @GET
  @Path("overdue")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Overdue measures and local tasks (kind), longest overdue first: days, units, region, last accepted report, postponements")
  @APIResponse(responseCode = "200", description = "a page of overdue measures")
  @APIResponse(responseCode = "400", description = "a filter or page parameter is invalid")
  @APIResponse(responseCode = "403", description = "region is outside the account's region")
  public Page<OverdueRow> overdue(
      @QueryParam("area") @Parameter(description = "only this area: BUSINESS, STABILITY or JUSTICE", example = "JUSTICE") String area,
      @QueryParam("unit") @Parameter(description = "only measures this unit leads or co-leads (a unit code)", example = "fy") String unit,
      @QueryParam("sort") @Parameter(description = "-overdueDays (default: longest overdue first) or overdueDays (shortest first)", example = "-overdueDays") String sort,
      @QueryParam("region") @Parameter(description = "only this region and below (GB/T 2260 code); an account with a region is held to it", example = "370100") String region,
      @BeanParam PageRequest page) {
    return service.overdue(OverdueFilter.of(area, unit, sort).within(service.scope(region, actor.get())), page.validated());
  }

  @GET
  @Path("overdue.csv")
  @Produces("text/csv")
  @Operation(summary = "The overdue report as CSV (UTF-8 with BOM)")
  @APIResponse(responseCode = "200", description = "the report", content = @Content(mediaType = "text/csv",
      schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
      example = "\ufeff序号,事项编号,领域,事项,牵头单位,...\r\n1,J05,JUSTICE,方便人民群众就近诉讼,省法院,..."))
  @APIResponse(responseCode = "400", description = "a filter is invalid")
  @APIResponse(responseCode = "403", description = "region is outside the account's region")
  public Response overdueCsv(
      @QueryParam("area") @Parameter(description = "only this area: BUSINESS, STABILITY or JUSTICE", example = "JUSTICE") String area,
      @QueryParam("unit") @Parameter(description = "only measures this unit leads or co-leads (a unit code)", example = "fy") String unit,
      @QueryParam("sort") @Parameter(description = "-overdueDays (default: longest overdue first) or overdueDays (shortest first)", example = "-overdueDays") String sort,
      @QueryParam("region") @Parameter(description = "only this region and below (GB/T 2260 code); an account with a region is held to it", example = "370100") String region) {
    OverdueFilter filter = OverdueFilter.of(area, unit, sort).within(service.scope(region, actor.get()));
    StreamingOutput body = out -> export.csv(filter, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"overdue.csv\"")
        .build();
  }

  @GET
  @Path("overdue.xlsx")
  @Produces(XLSX)
  @Operation(summary = "The overdue report as an Excel workbook")
  @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = XLSX,
      schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"),
      example = "(binary .xlsx)"))
  @APIResponse(responseCode = "400", description = "a filter is invalid")
  @APIResponse(responseCode = "403", description = "region is outside the account's region")
  public Response overdueXlsx(
      @QueryParam("area") @Parameter(description = "only this area: BUSINESS, STABILITY or JUSTICE", example = "JUSTICE") String area,
      @QueryParam("unit") @Parameter(description = "only measures this unit leads or co-leads (a unit code)", example = "fy") String unit,
      @QueryParam("sort") @Parameter(description = "-overdueDays (default: longest overdue first) or overdueDays (shortest first)", example = "-overdueDays") String sort,
      @QueryParam("region") @Parameter(description = "only this region and below (GB/T 2260 code); an account with a region is held to it", example = "370100") String region) {
    OverdueFilter filter = OverdueFilter.of(area, unit, sort).within(service.scope(region, actor.get()));
    StreamingOutput body = out -> export.xlsx(filter, out);
    return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"overdue.xlsx\"").build();
  }
}

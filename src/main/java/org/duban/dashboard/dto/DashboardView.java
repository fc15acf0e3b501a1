package org.duban.dashboard.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duban.measure.dto.RegionRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What leadership and the office look at first. */
@Schema(name = "Dashboard")
public record DashboardView(
    @Schema(example = "2022-01-10") LocalDate asOf,
    @Schema(example = "18") long total,
    List<AreaLight> byAreaAndLight,
    @Schema(example = "{\"IN_PROGRESS\":12,\"VERIFIED\":6}") Map<String, Long> byStatus,
    @Schema(example = "3") long overdueTotal,
    @Schema(description = "the 20 longest overdue") List<OverdueRow> overdue,
    Compliance compliance,
    @Schema(description = "counts by day and light from the daily scans, oldest first") List<TrendPoint> trend,
    @Schema(description = "the region the dashboard covers (region= or the account's); null: the whole province."
        + " Within a city or county the counts above are of the local tasks there and below") RegionRef region,
    @Schema(description = "the regions one level down (the 16 cities; within a city its counties, or the city itself when it has none):"
        + " the tasks there and below by light, overdue, mean progress") List<RegionRow> byRegion,
    @Schema(description = "the regions of byRegion with overdue tasks, most first (at most 5)") List<RegionRow> mostOverdue,
    @Schema(description = "reporting in the last closed round by the region of each lead unit (the regions of byRegion); empty before any round closed")
        List<RegionCompliance> complianceByRegion,
    @Schema(description = "rectification items (整改事项) in scope by responsible unit: open, overdue, closed; most overdue first")
        List<UnitRectifications> rectificationsByUnit) {

  /** One unit's rectification items. */
  @Schema(name = "UnitRectifications")
  public record UnitRectifications(
      @Schema(example = "fy370100") String unit,
      @Schema(example = "济南市中级人民法院") String name,
      @Schema(example = "2", description = "not yet verified") long open,
      @Schema(example = "1", description = "of them past their deadline") long overdue,
      @Schema(example = "3", description = "verified (整改销号)") long closed) {}

  /** One region of the region view: its tasks (there and below) by light, how many overdue, their mean progress. */
  @Schema(name = "RegionRow")
  public record RegionRow(
      @Schema(example = "370100") String code,
      @Schema(example = "济南市") String name,
      @Schema(example = "12") long tasks,
      @Schema(example = "2") long red,
      @Schema(example = "3") long yellow,
      @Schema(example = "5") long green,
      @Schema(example = "2") long closed,
      @Schema(example = "2") long overdue,
      @Schema(example = "64", description = "mean progress of the tasks, rounded; null when there is none") Integer progressMean) {

    /** The worst light present (RED, YELLOW, GREEN, CLOSED), or null when the region has no task: the tile's colour. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String worstLight() {
      return red > 0 ? "RED" : yellow > 0 ? "YELLOW" : green > 0 ? "GREEN" : closed > 0 ? "CLOSED" : null;
    }
  }

  /** Reporting in the last closed round by the lead units of one region (there and below). */
  @Schema(name = "RegionCompliance")
  public record RegionCompliance(
      @Schema(example = "370100") String code,
      @Schema(example = "济南市") String name,
      @Schema(example = "4", description = "items due to report (round results)") long items,
      @Schema(example = "3") long reported,
      @Schema(example = "1") long missed) {}

  @Schema(name = "AreaLight")
  public record AreaLight(
      @Schema(example = "JUSTICE") String area,
      @Schema(example = "RED") String light,
      @Schema(example = "2") long count) {}

  /** Reporting in the last closed dispatch round, by unit code (not a ranking). */
  @Schema(name = "Compliance")
  public record Compliance(
      @Schema(example = "2021-12") String round,
      @Schema(example = "2021-11-26") LocalDate opensOn,
      @Schema(example = "2021-12-25") LocalDate closesOn,
      List<UnitCompliance> units) {}

  @Schema(name = "UnitCompliance")
  public record UnitCompliance(
      @Schema(example = "fy") String unit,
      @Schema(example = "省法院") String name,
      @Schema(example = "4") long measures,
      @Schema(example = "3") long reported,
      @Schema(example = "1") long missed) {}

  @Schema(name = "TrendPoint")
  public record TrendPoint(
      @Schema(example = "2022-01-10") LocalDate day,
      @Schema(example = "RED") String light,
      @Schema(example = "3") long count) {}
}

package org.duban.dashboard.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    @Schema(description = "counts by day and light from the daily scans, oldest first") List<TrendPoint> trend) {

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

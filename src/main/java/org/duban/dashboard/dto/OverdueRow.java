package org.duban.dashboard.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.measure.dto.RegionRef;
import org.duban.measure.dto.UnitRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the overdue report: a measure or a local task. */
@Schema(name = "OverdueRow")
public record OverdueRow(
    @Schema(example = "J05") String code,
    @Schema(example = "JUSTICE") String area,
    @Schema(example = "方便人民群众就近诉讼") String title,
    UnitRef leadUnit,
    List<UnitRef> coUnits,
    @Schema(example = "2021-12-31") LocalDate committedDeadline,
    @Schema(example = "2021-12-31") LocalDate deadline,
    @Schema(example = "12") long overdueDays,
    @Schema(example = "IN_PROGRESS") String status,
    @Schema(example = "80") int progress,
    @Schema(example = "2021-12-20T08:00:00Z", description = "when the last accepted report was submitted") Instant lastReportAt,
    @Schema(example = "已建成互联网法庭1200处") String lastReportSummary,
    @Schema(example = "1") long postponements,
    @Schema(example = "TASK", description = "MEASURE (a provincial measure), TASK (a local task, code {measure}-{region}) or RECTIFICATION (a rectification item, code ZG and its number)") String kind,
    @Schema(description = "the item's region (the province for a measure)") RegionRef region) {

  /** The measure's code: the row's own, or the task's measure (the part before {@code -region}). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String measureCode() {
    return "TASK".equals(kind) ? code.substring(0, code.lastIndexOf('-')) : code;
  }
}

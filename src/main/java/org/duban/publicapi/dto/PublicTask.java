package org.duban.publicapi.dto;

import java.time.LocalDate;
import java.util.List;
import org.duban.measure.Light;
import org.duban.measure.MeasureStatus;
import org.duban.measure.dto.RegionRef;
import org.duban.measure.dto.UnitRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A measure's task in one city or county as the public sees it: an allow-list, built field by
 * field from one SQL row, never from an entity (no notes, no status reason, no reporter, no
 * narrative, no evidence, no target text).
 */
@Schema(name = "PublicTask")
public record PublicTask(
    @Schema(example = "J05-370100") String code,
    @Schema(example = "J05", description = "the measure's code") String measure,
    @Schema(example = "推进互联网法庭建设", description = "the measure's title") String measureTitle,
    RegionRef region,
    @Schema(description = "the unit responsible in the region") UnitRef unit,
    @Schema(example = "IN_PROGRESS") MeasureStatus status,
    @Schema(example = "50") int progress,
    @Schema(example = "GREEN") Light light,
    @Schema(example = "false") boolean overdue,
    @Schema(example = "0") long overdueDays,
    @Schema(example = "2021-11-30") LocalDate committedDeadline,
    @Schema(example = "2021-11-30") LocalDate deadline,
    @Schema(description = "approved postponements, oldest first: dates and reason, as a measure's") List<PublicPostponement> postponements,
    @Schema(description = "the task's share of each of the measure's targets and its actual, by position") List<Share> targets,
    @Schema(example = "false", description = "illustrative demo data (示例数据), not a real commitment") boolean sample) {

  /** A task's part of one target of its measure: numbers only. */
  @Schema(name = "PublicTaskTarget")
  public record Share(
      @Schema(example = "1", description = "the target's position in the measure") int position,
      @Schema(example = "280", description = "the task's share of the target") java.math.BigDecimal share,
      @Schema(example = "100", description = "what the task has achieved") java.math.BigDecimal actual) {}
}

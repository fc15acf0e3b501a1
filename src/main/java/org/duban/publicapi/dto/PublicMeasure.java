package org.duban.publicapi.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.measure.Area;
import org.duban.measure.MeasureStatus;
import org.duban.measure.dto.UnitRef;
import org.duban.measure.Light;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public view of a measure: an allow-list, built field by field, never from an entity. */
@Schema(name = "PublicMeasure")
public record PublicMeasure(
    @Schema(example = "J04") String code,
    @Schema(example = "JUSTICE") Area area,
    @Schema(example = "创新破解执行难工作模式") String title,
    @Schema(example = "开展终本案件、长期未结案件和执行案款三项专项清理") String summary,
    UnitRef leadUnit,
    List<UnitRef> coUnits,
    @Schema(example = "2021-05-14") LocalDate startDate,
    @Schema(example = "2021-12-31") LocalDate committedDeadline,
    @Schema(example = "2021-12-31") LocalDate deadline,
    @Schema(example = "IN_PROGRESS") MeasureStatus status,
    @Schema(example = "40") int progress,
    @Schema(example = "GREEN") Light light,
    @Schema(example = "false") boolean overdue,
    @Schema(example = "0") long overdueDays,
    List<PublicPostponement> postponements,
    @Schema(example = "2021-06-30T08:00:00Z") Instant lastUpdate) {}

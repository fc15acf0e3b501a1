package org.duban.publicapi.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a measure's public timeline. */
@Schema(name = "PublicTimelineEvent")
public record PublicEventView(
    @Schema(example = "PROGRESS") String kind,
    @Schema(example = "2021-06-30T08:00:00Z") Instant at,
    @Schema(example = "60") Integer progress,
    @Schema(example = "终本案件专项清理已完成排查，正在恢复执行") String summary,
    @Schema(example = "null") LocalDate oldDeadline,
    @Schema(example = "null") LocalDate newDeadline) {}

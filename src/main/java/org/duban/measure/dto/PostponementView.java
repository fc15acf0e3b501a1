package org.duban.measure.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A postponement as staff see it (the public view omits who approved it). */
public record PostponementView(
    @Schema(example = "2021-12-31") LocalDate oldDeadline,
    @Schema(example = "2022-03-31") LocalDate newDeadline,
    @Schema(example = "受疫情影响，现场督导推迟") String reason,
    @Schema(example = "office") String approvedBy,
    @Schema(example = "2021-12-20T02:00:00Z") Instant approvedAt) {}

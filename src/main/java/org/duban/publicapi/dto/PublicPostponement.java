package org.duban.publicapi.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A postponement as the public sees it: dates and reason, not who approved it. */
@Schema(name = "PublicPostponement")
public record PublicPostponement(
    @Schema(example = "2021-12-31") LocalDate oldDeadline,
    @Schema(example = "2022-03-31") LocalDate newDeadline,
    @Schema(example = "受疫情影响，现场督导推迟") String reason,
    @Schema(example = "2021-12-20T02:00:00Z") Instant approvedAt) {}

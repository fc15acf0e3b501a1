package org.duban.measure.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/measures/{code}/postponements: the reason is published with the postponement. */
@Schema(name = "Postpone")
public record PostponeRequest(
    @NotNull @Schema(example = "2022-03-31") LocalDate newDeadline,
    @NotBlank @Size(max = 2000)
        @Schema(example = "受疫情影响，现场督导推迟", description = "published: shown with the postponement on the public measure, page, timeline and feed")
        String reason) {}

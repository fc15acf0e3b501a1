package org.duban.measure.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MilestoneInput(
    @NotBlank @Size(max = 500) @Schema(example = "出台一站式调解中心建设规范") String title,
    @Schema(example = "2021-12-31") LocalDate dueDate,
    @Schema(example = "null") LocalDate doneOn,
    @Size(max = 1000) @Schema(example = "null") String assumption) {}

package org.duban.measure.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A milestone of a measure: internal (the staff view, the ledger) for now. */
public record MilestoneInput(
    @NotBlank @Size(max = 500) @Schema(example = "出台一站式调解中心建设规范", description = "internal: the staff view") String title,
    @Schema(example = "2021-12-31") LocalDate dueDate,
    @Schema(example = "null") LocalDate doneOn,
    @Size(max = 1000) @Schema(example = "null", description = "internal: the staff view") String assumption) {}

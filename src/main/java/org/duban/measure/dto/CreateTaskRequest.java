package org.duban.measure.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of POST /api/v1/measures/{code}/tasks: the measure broken down for one region. The task's
 * code is {measure}-{region}.
 */
@Schema(name = "CreateTask")
public record CreateTaskRequest(
    @NotBlank @Pattern(regexp = "^[1-9][0-9]{5}$", message = "must be a six-digit GB/T 2260 code")
        @Schema(example = "370100", description = "published: the region (a city or county), GB/T 2260") String region,
    @NotBlank @Size(max = 32) @Schema(example = "jnzy", description = "published: the responsible local unit (it sits in the region)") String unit,
    @NotNull @Schema(example = "2021-11-30", description = "published: the task's deadline, on or before its measure's (and its parent task's)") LocalDate deadline,
    @Schema(example = "2021-06-01", description = "published: when the task starts (default: its measure's start)") LocalDate startDate,
    @Size(max = 50) @Schema(description = "published: the task's share of each of its measure's targets, in their order (null: no share)")
        List<@DecimalMin("0") BigDecimal> targetShares,
    @Size(max = 50) List<@Valid @NotNull MilestoneInput> milestones,
    @Size(max = 4000) @Schema(example = "null", description = "internal: the office's notes") String notes) {}

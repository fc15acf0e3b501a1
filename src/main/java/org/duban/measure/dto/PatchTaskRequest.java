package org.duban.measure.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of PATCH /api/v1/tasks/{taskCode} (with If-Match): only present keys change. The deadline
 * moves by a postponement only; a leaf task's target actuals are set here (a parent's roll up).
 */
@Schema(name = "PatchTask")
public record PatchTaskRequest(
    @Size(max = 32) @Schema(example = "jnzy", description = "published: the responsible local unit") String unit,
    @Size(max = 50) @Schema(description = "published: the task's share of each target of its measure, in order") List<@DecimalMin("0") BigDecimal> targetShares,
    @Size(max = 50) @Schema(description = "published: a leaf task's actual value of each target, in order (null: not known)") List<@DecimalMin("0") BigDecimal> targetActuals,
    @Size(max = 50) List<@Valid @NotNull MilestoneInput> milestones,
    @Size(max = 4000) @Schema(example = "null", description = "internal: the office's notes") String notes) {}

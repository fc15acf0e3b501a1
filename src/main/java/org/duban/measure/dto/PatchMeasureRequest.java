package org.duban.measure.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.duban.measure.Area;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of PATCH /api/v1/measures/{code}: only the keys present change. Status, progress and the
 * deadlines are not here: they move through reports, claim/verify/reopen and postponements.
 */
@Schema(name = "PatchMeasure")
public record PatchMeasureRequest(
    @Schema(example = "JUSTICE") Area area,
    @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(example = "创新破解执行难工作模式", description = "published") String title,
    @Size(max = 4000) @Schema(example = "开展三项执行专项清理", description = "published") String summary,
    @Size(max = 4000) @Schema(description = "internal: the staff view") String sourceQuote,
    @Size(min = 1, max = 32) @Schema(example = "fy", description = "published: the unit's code and name") String leadUnit,
    @Size(max = 20) @Schema(description = "published: the units' codes and names") List<@NotNull @Size(min = 1, max = 32) String> coUnits,
    @Schema(example = "2021-05-14") LocalDate startDate,
    @Size(max = 50) List<@Valid @NotNull MilestoneInput> milestones,
    @Size(max = 50) List<@Valid @NotNull TargetInput> targets,
    Boolean leadUnitInferred,
    @Size(max = 20) @Schema(description = "internal: the staff view") List<@NotNull @Size(min = 1, max = 1000) String> assumptions,
    @Size(max = 4000) @Schema(example = "每月5日前对账", description = "internal: the staff view") String notes) {}

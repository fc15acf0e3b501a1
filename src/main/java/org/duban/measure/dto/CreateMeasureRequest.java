package org.duban.measure.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.duban.measure.Area;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/measures; {@code deadline} is also the committed deadline. */
@Schema(name = "CreateMeasure")
public record CreateMeasureRequest(
    @NotBlank
        @Pattern(regexp = "^[A-Z][A-Z0-9-]{1,15}$", message = "must be 2 to 16 of A-Z, 0-9 and -, starting with a letter")
        @Schema(example = "B03", description = "published")
        String code,
    @NotNull @Schema(example = "BUSINESS") Area area,
    @NotBlank @Size(max = 300) @Schema(example = "推行证明事项告知承诺制", description = "published") String title,
    @Size(max = 4000) @Schema(example = "减少群众办事需提交的证明材料", description = "published") String summary,
    @Size(max = 4000) @Schema(example = "null", description = "internal: the staff view") String sourceQuote,
    @NotBlank @Size(max = 32) @Schema(example = "sft", description = "published: the unit's code and name") String leadUnit,
    @Size(max = 20) @Schema(description = "published: the units' codes and names") List<@NotBlank @Size(max = 32) String> coUnits,
    @NotNull @Schema(example = "2021-05-14") LocalDate startDate,
    @NotNull @Schema(example = "2021-12-31") LocalDate deadline,
    @Size(max = 50) List<@Valid @NotNull MilestoneInput> milestones,
    @Size(max = 50) List<@Valid @NotNull TargetInput> targets,
    @Schema(example = "false") Boolean leadUnitInferred,
    @Size(max = 20) @Schema(description = "internal: the staff view") List<@NotBlank @Size(max = 1000) String> assumptions,
    @Size(max = 4000) @Schema(example = "null", description = "internal: the staff view") String notes) {}

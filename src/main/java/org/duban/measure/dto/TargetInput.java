package org.duban.measure.dto;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quantified target of a measure: internal (the staff view) for now. */
public record TargetInput(
    @NotBlank @Size(max = 500) @Schema(example = "网上立案平均审核时间", description = "internal: the staff view") String description,
    @DecimalMin("0") @Schema(example = "3") BigDecimal targetValue,
    @Size(max = 32) @Schema(example = "天以内", description = "internal: the staff view") String unitLabel,
    @Schema(example = "2021-12-31") LocalDate dueDate,
    @DecimalMin("0") @Schema(example = "null") BigDecimal actualValue,
    @Size(max = 1000) @Schema(example = "null", description = "internal: the staff view") String assumption,
    @Schema(example = "SUM", description = "how the actual rolls up from the tasks: SUM (default), MEAN, MAX, MIN or COVERAGE")
        org.duban.measure.Rollup.Aggregation aggregation) {

  public TargetInput(String description, BigDecimal targetValue, String unitLabel, LocalDate dueDate, BigDecimal actualValue, String assumption) {
    this(description, targetValue, unitLabel, dueDate, actualValue, assumption, null);
  }
}

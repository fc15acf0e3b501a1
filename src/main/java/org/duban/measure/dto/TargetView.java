package org.duban.measure.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TargetView(
    @Schema(example = "全省法院新建互联网法庭和远程调解平台") String description,
    @Schema(example = "1400") BigDecimal targetValue,
    @Schema(example = "处") String unitLabel,
    @Schema(example = "2021-12-31") LocalDate dueDate,
    @Schema(example = "null") BigDecimal actualValue,
    @Schema(example = "null") String assumption,
    @Schema(example = "SUM", description = "how the actual rolls up from the tasks") org.duban.measure.Rollup.Aggregation aggregation) {}

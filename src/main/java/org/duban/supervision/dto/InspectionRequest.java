package org.duban.supervision.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An inspection to record: the group, the date, the unit or region inspected, the measures covered, the findings. */
@Schema(name = "InspectionRequest")
public record InspectionRequest(
    @NotNull @Schema(example = "1") Long group,
    @NotNull @Schema(example = "2021-09-15") LocalDate date,
    @Size(max = 32) @Schema(example = "fy370100", description = "internal: the unit inspected (or give region)") String unit,
    @Size(max = 6) @Schema(example = "370100", description = "internal: the region inspected, when no unit is given") String region,
    @NotNull @Size(min = 1, max = 100) @Schema(example = "[\"J05\", \"J05-370100\"]", description = "internal: the measures and tasks covered") List<String> items,
    @NotBlank @Size(max = 10000) @Schema(example = "诉讼服务中心窗口材料一次性告知不到位", description = "internal: what the inspection found") String findings) {}

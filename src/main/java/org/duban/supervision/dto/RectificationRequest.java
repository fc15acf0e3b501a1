package org.duban.supervision.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding made into a rectification item. */
@Schema(name = "RectificationRequest")
public record RectificationRequest(
    @NotBlank @Size(max = 24) @Schema(example = "J05", description = "internal: the measure or task it concerns") String concerns,
    @NotBlank @Size(max = 32) @Schema(example = "fy370100", description = "internal: the responsible unit's code") String unit,
    @NotNull @Schema(example = "2021-10-31") LocalDate deadline,
    @NotBlank @Size(max = 200) @Schema(example = "一次性告知不到位整改", description = "internal: a short title") String title,
    @NotBlank @Size(max = 10000) @Schema(example = "诉讼服务中心窗口材料一次性告知不到位", description = "internal: the finding") String finding,
    @NotBlank @Size(max = 10000) @Schema(example = "制定一次性告知清单并上墙公示", description = "internal: what must come of it") String requiredOutcome,
    @Schema(example = "1", description = "the inspection it was found in") Long inspection,
    @Schema(example = "null", description = "the visit it was found in (give inspection or visit, not both)") Long visit) {}

package org.duban.supervision.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An inspection by a guidance group: who, when, where, which measures, what it found, and the rectification items born from it. */
@Schema(name = "Inspection")
public record InspectionView(
    @Schema(example = "1") long id,
    @Schema(example = "1") long group,
    @Schema(example = "省级第一指导组") String groupName,
    @Schema(example = "2021-09-15") LocalDate date,
    @Schema(example = "fy370100", description = "the unit inspected; null when a region was") String unit,
    @Schema(example = "370100") String region,
    @Schema(description = "the measures and tasks covered, by code") List<String> items,
    @Schema(example = "诉讼服务中心窗口材料一次性告知不到位") String findings,
    @Schema(description = "the rectification items born from it, by id") List<Long> rectifications,
    @Schema(example = "leader") String recordedBy,
    Instant createdAt) {}

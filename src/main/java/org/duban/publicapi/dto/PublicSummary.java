package org.duban.publicapi.dto;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublicSummary")
public record PublicSummary(
    @Schema(example = "18") long total,
    @Schema(example = "{\"BUSINESS\":2,\"STABILITY\":8,\"JUSTICE\":8}") Map<String, Long> byArea,
    @Schema(example = "{\"IN_PROGRESS\":12,\"VERIFIED\":6}") Map<String, Long> byStatus,
    @Schema(example = "{\"GREEN\":10,\"YELLOW\":2,\"RED\":0,\"CLOSED\":6}") Map<String, Long> byLight,
    @Schema(example = "0") long overdue) {}

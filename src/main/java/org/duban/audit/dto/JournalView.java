package org.duban.audit.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalEntry")
public record JournalView(
    @Schema(example = "812") long id,
    @Schema(example = "MEASURE") String entity,
    @Schema(example = "J04") String entityKey,
    @Schema(example = "UPDATE") String action,
    @Schema(example = "title") String field,
    @Schema(example = "旧标题") String oldValue,
    @Schema(example = "新标题") String newValue,
    @Schema(example = "office") String actor,
    @Schema(example = "10.0.0.8") String clientIp,
    @Schema(example = "2021-06-01T02:00:00Z") Instant at) {}

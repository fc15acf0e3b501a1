package org.duban.measure.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many of an item's tasks (all levels below it) are open by light, and closed (verified). */
@Schema(name = "TaskTally")
public record TaskTallyView(
    @Schema(example = "16") long total,
    @Schema(example = "2") long red,
    @Schema(example = "3") long yellow,
    @Schema(example = "9") long green,
    @Schema(example = "2") long closed) {}

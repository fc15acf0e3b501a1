package org.duban.measure.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A body that carries an internal reason (reopen, return a report). */
@Schema(name = "Reason")
public record ReasonRequest(
    @NotBlank @Size(max = 2000) @Schema(example = "佐证材料不足，请补充后再报", description = "internal: the journal (and a returned report's staff view); never published") String reason) {}

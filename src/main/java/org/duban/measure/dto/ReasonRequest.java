package org.duban.measure.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A body that carries a reason (reopen, suspend, return a report). */
@Schema(name = "Reason")
public record ReasonRequest(
    @NotBlank @Size(max = 2000) @Schema(example = "佐证材料不足，请补充后再报") String reason) {}

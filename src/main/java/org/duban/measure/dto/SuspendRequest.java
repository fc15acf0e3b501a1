package org.duban.measure.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of POST /api/v1/measures/{code}/suspend: why (internal: the staff view and the journal) and,
 * optionally, what the public timeline says (published; without it, 暂缓推进).
 */
@Schema(name = "Suspend")
public record SuspendRequest(
    @NotBlank @Size(max = 2000)
        @Schema(example = "上级部署调整，待新方案印发", description = "internal: the staff view (statusReason) and the journal; never published")
        String reason,
    @Size(max = 2000)
        @Schema(example = "根据工作部署调整暂缓推进", description = "published: the sentence on the public timeline and feed; optional (default 暂缓推进)")
        String publicSummary) {}

package org.duban.measure.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Optional body of POST /api/v1/measures/{code}/resume: why (internal: the journal) and what the
 * public timeline says (published; without it, 恢复推进).
 */
@Schema(name = "Resume")
public record ResumeRequest(
    @Size(max = 2000)
        @Schema(example = "新方案已印发", description = "internal: the journal; never published; optional")
        String reason,
    @Size(max = 2000)
        @Schema(example = "恢复推进", description = "published: the sentence on the public timeline and feed; optional (default 恢复推进)")
        String publicSummary) {}

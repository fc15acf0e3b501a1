package org.duban.audit.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of recomputing the audit trail's hash chain. */
@Schema(name = "AuditVerification")
public record AuditVerification(
    @Schema(example = "true") boolean intact,
    @Schema(example = "1042", description = "rows checked") long rows,
    @Schema(example = "null", description = "the first row whose hash or link does not match") Long firstBrokenId,
    @Schema(example = "null") String reason) {}

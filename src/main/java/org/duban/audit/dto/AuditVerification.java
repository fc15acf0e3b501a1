package org.duban.audit.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of checking the audit trail: its SHA-256 chain, row by row, and the keyed checkpoints
 * that anchor it outside the database (TRACKER_AUDIT_KEY).
 */
@Schema(name = "AuditVerification")
public record AuditVerification(
    @Schema(example = "true") boolean intact,
    @Schema(example = "1042", description = "rows checked") long rows,
    @Schema(example = "null", description = "the first row whose hash or link does not match") Long firstBrokenId,
    @Schema(example = "null") String reason,
    @Schema(example = "57", description = "keyed checkpoints checked") long checkpoints,
    @Schema(example = "null", description = "the first checkpoint that no longer matches (rewritten rows are after brokenAfterId, up to brokenThroughId)") Long brokenCheckpointId,
    @Schema(example = "null", description = "the interval that no longer matches: rows after this id ...") Long brokenAfterId,
    @Schema(example = "null", description = "... up to this id") Long brokenThroughId,
    @Schema(example = "2021-10-01T02:10:00Z", description = "the latest checkpoint") Instant lastCheckpointAt,
    @Schema(example = "3", description = "rows after the latest checkpoint (not anchored yet)") long unanchoredRows) {}

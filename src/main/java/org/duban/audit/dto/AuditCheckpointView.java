package org.duban.audit.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A day's last checkpoint of the audit chain, published: whoever keeps these can later prove that a
 * row of the trail up to {@code lastEventId} was rewritten, whatever the database then says.
 */
@Schema(name = "AuditCheckpoint")
public record AuditCheckpointView(
    @Schema(example = "2021-10-01", description = "the day (TRACKER_ZONE)") LocalDate date,
    @Schema(example = "2021-10-01T15:50:00Z") Instant at,
    @Schema(example = "1042", description = "the last audit row it covers") long lastEventId,
    @Schema(example = "9f2c…", description = "the SHA-256 chain's hash at that row") String headHash,
    @Schema(example = "51ab…", description = "HMAC-SHA256 of the checkpoint under the audit key (which only the service holds)") String mac) {}

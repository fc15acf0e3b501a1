package org.duban.scan.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one scan did. */
@Schema(name = "ScanResult")
public record ScanResult(
    @Schema(example = "57") long id,
    @Schema(example = "API") String trigger,
    @Schema(example = "2022-01-01") LocalDate asOf,
    @Schema(example = "2022-01-01T00:05:00Z") Instant startedAt,
    @Schema(example = "2022-01-01T00:05:01Z") Instant finishedAt,
    @Schema(example = "840", description = "wall time of the scan's work, in milliseconds") Long durationMs,
    @Schema(example = "OK") String outcome,
    @Schema(example = "3") int flagsChanged,
    @Schema(example = "1") int roundsClosed,
    @Schema(example = "4") int noticesQueued,
    List<Change> changes,
    @Schema(example = "null") String error) {

  /** One measure whose flags the scan changed (a scan's answer lists at most 500). */
  @Schema(name = "ScanChange")
  public record Change(
      @Schema(example = "J05") String code,
      @Schema(example = "false") boolean oldOverdue,
      @Schema(example = "true") boolean overdue,
      @Schema(example = "1") int overdueDays,
      @Schema(example = "YELLOW") String oldLight,
      @Schema(example = "RED") String light,
      @Schema(example = "false") boolean oldReportingMissed,
      @Schema(example = "false") boolean reportingMissed) {}
}

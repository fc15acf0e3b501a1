package org.duban.reporting.dto;

import java.time.Instant;
import java.util.List;
import org.duban.reporting.ProgressReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgressReport")
public record ReportView(
    @Schema(example = "42") long id,
    @Schema(example = "J04") String measure,
    @Schema(example = "fy") String unit,
    @Schema(example = "reporter-fy") String submittedBy,
    @Schema(example = "2021-06-30T08:00:00Z") Instant submittedAt,
    @Schema(example = "60") int progress,
    @Schema(example = "已完成全省终本案件排查（内部）") String narrative,
    @Schema(example = "终本案件专项清理已完成排查，正在恢复执行") String publicSummary,
    List<String> evidence,
    @Schema(example = "PENDING") ProgressReport.State state,
    @Schema(example = "null") String reviewedBy,
    @Schema(example = "null") Instant reviewedAt,
    @Schema(example = "null") String returnReason) {

  public static ReportView of(ProgressReport r) {
    return new ReportView(
        r.id, r.measure.code, r.unitCode, r.submittedBy, r.submittedAt, r.progress, r.narrative,
        r.publicSummary, List.copyOf(r.evidence), r.state, r.reviewedBy, r.reviewedAt, r.returnReason);
  }
}

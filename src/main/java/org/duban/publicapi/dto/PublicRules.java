package org.duban.publicapi.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The warning-light rule as configured, in words and numbers. */
@Schema(name = "PublicRules")
public record PublicRules(
    @Schema(example = "Asia/Shanghai") String zone,
    @Schema(example = "15") int nearDeadlineDays,
    @Schema(example = "25") int lagPoints,
    List<Rule> rules,
    @Schema(example = "25", description = "the day of the month a reporting window closes") int reportingWindowClosingDay,
    @Schema(example = "3", description = "days before a deadline or a window's close that a reminder goes out") int reminderDays,
    @Schema(example = "30", description = "days overdue after which leadership gets a bulletin") int bulletinAfterDays,
    @Schema(example = "A measure is overdue from 00:00 on the day after its current deadline, unless it was claimed done on or before the deadline.")
        String overdue,
    @Schema(description = "the audit trail's latest daily anchor (all of them: /api/v1/public/audit-checkpoints); null before the first")
        org.duban.audit.dto.AuditCheckpointView auditAnchor,
    @Schema(description = "how a measure with tasks (and a city with county tasks) takes its progress and its targets' actuals from them")
        Rollup rollup) {

  /** The roll-up rule (汇总) in words, and each way a target's actual is made from its tasks'. */
  @Schema(name = "RollupRule")
  public record Rollup(String zh, String en, List<Aggregation> aggregations) {}

  @Schema(name = "RollupAggregation")
  public record Aggregation(
      @Schema(example = "SUM") String name,
      @Schema(example = "求和") String zh,
      @Schema(example = "the sum of the tasks' actuals") String en) {}

  @Schema(name = "LightRule")
  public record Rule(
      @Schema(example = "RED") String light,
      @Schema(example = "逾期：已过当前时限且未在时限内申请销号") String zh,
      @Schema(example = "overdue: past the current deadline and not claimed done by it") String en) {}
}

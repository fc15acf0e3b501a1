package org.duban.measure.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.measure.Light;
import org.duban.measure.MeasureStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The staff view of a local task (分解任务): its measure, region and parent, the responsible local
 * unit, its own dates, status, progress (a parent task's rolls up from its tasks), light and
 * overdue flag, postponements, its share (targetValue) and actual of each target, milestones.
 */
@Schema(name = "Task")
public record TaskView(
    @Schema(example = "J05-370100") String code,
    @Schema(example = "J05") String measure,
    @Schema(example = "J05", description = "the parent: the measure, or the task of the region above") String parent,
    RegionRef region,
    UnitRef unit,
    @Schema(example = "推进一站式多元解纷（济南市）") String title,
    @Schema(example = "2021-05-14") LocalDate startDate,
    @Schema(example = "2021-11-30") LocalDate committedDeadline,
    @Schema(example = "2021-11-30", description = "the current deadline") LocalDate deadline,
    @Schema(example = "IN_PROGRESS") MeasureStatus status,
    @Schema(example = "40") int progress,
    @Schema(example = "GREEN") Light light,
    @Schema(example = "false") boolean overdue,
    @Schema(example = "0") long overdueDays,
    List<PostponementView> postponements,
    List<TargetView> targets,
    List<MilestoneView> milestones,
    @Schema(description = "its tasks below, when it has any (then it takes no reports)") TaskTallyView tasks,
    @Schema(example = "false") boolean reportingMissed,
    @Schema(example = "0") long pendingReports,
    @Schema(example = "false", description = "illustrative data (TRACKER_DEMO_SAMPLE_TASKS): 示例数据") boolean sample,
    @Schema(example = "null") String statusReason,
    @Schema(example = "null") LocalDate claimedDoneOn,
    @Schema(example = "null") Instant verifiedAt,
    @Schema(example = "null") String verifiedBy,
    @Schema(example = "null") String notes,
    @Schema(example = "2021-06-30T08:00:00Z") Instant lastUpdate,
    @Schema(example = "1") long version,
    @Schema(example = "2021-05-20T08:00:00Z") Instant createdAt,
    @Schema(example = "2021-06-30T08:00:00Z") Instant updatedAt) {}

package org.duban.measure.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.measure.Area;
import org.duban.measure.MeasureStatus;
import org.duban.measure.Light;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The staff (internal) view of a measure: every key of the public view, plus internal ones (source,
 * assumptions, milestones, targets, notes, verification, pending reports, version).
 */
@Schema(name = "Measure")
public record MeasureView(
    @Schema(example = "J04") String code,
    @Schema(example = "JUSTICE") Area area,
    @Schema(example = "创新破解执行难工作模式") String title,
    @Schema(example = "开展终本案件、长期未结案件和执行案款三项专项清理") String summary,
    UnitRef leadUnit,
    List<UnitRef> coUnits,
    @Schema(example = "2021-05-14") LocalDate startDate,
    @Schema(example = "2021-12-31") LocalDate committedDeadline,
    @Schema(example = "2021-12-31", description = "the current deadline") LocalDate deadline,
    @Schema(example = "IN_PROGRESS") MeasureStatus status,
    @Schema(example = "40") int progress,
    @Schema(example = "GREEN") Light light,
    @Schema(example = "false") boolean overdue,
    @Schema(example = "0") long overdueDays,
    List<PostponementView> postponements,
    @Schema(example = "2021-06-30T08:00:00Z", description = "time of the latest public event")
        Instant lastUpdate,
    // internal keys
    @Schema(example = "省法院审判委员会专职审判委员兼执行局局长 廖伟忠: ……") String sourceQuote,
    @Schema(example = "false") boolean leadUnitInferred,
    List<String> assumptions,
    List<MilestoneView> milestones,
    List<TargetView> targets,
    @Schema(example = "null") String statusReason,
    @Schema(example = "null") LocalDate claimedDoneOn,
    @Schema(example = "null") Instant verifiedAt,
    @Schema(example = "null") String verifiedBy,
    @Schema(example = "与省法院执行局每月对账") String notes,
    @Schema(example = "1") long pendingReports,
    @Schema(example = "false", description = "the lead unit missed the last closed reporting window (未按期报送)")
        boolean reportingMissed,
    @Schema(example = "3", description = "the version the ETag carries") long version,
    @Schema(example = "2021-05-14T07:30:00Z") Instant createdAt,
    @Schema(example = "2021-06-30T08:00:00Z") Instant updatedAt,
    @Schema(description = "its local tasks by light, when it is broken down (null otherwise); its progress then rolls up from them")
        TaskTallyView tasks,
    @Schema(example = "false", description = "illustrative data: 示例数据") boolean sample) {}

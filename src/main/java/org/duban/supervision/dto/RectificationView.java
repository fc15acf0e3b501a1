package org.duban.supervision.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.duban.measure.Light;
import org.duban.measure.MeasureStatus;
import org.duban.measure.dto.RegionRef;
import org.duban.measure.dto.UnitRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rectification item (整改事项): what was found and what must come of it, the responsible unit, its
 * deadline, and its state on the shared life cycle (reports, claim done, verify or send back).
 */
@Schema(name = "Rectification")
public record RectificationView(
    @Schema(example = "1") long id,
    @Schema(example = "ZG1", description = "its code on the engine (journal, overdue report, notices)") String code,
    @Schema(example = "一次性告知不到位整改") String title,
    @Schema(example = "诉讼服务中心窗口材料一次性告知不到位") String finding,
    @Schema(example = "制定一次性告知清单并上墙公示") String requiredOutcome,
    @Schema(description = "the measure or task it concerns") ItemRef concerns,
    @Schema(example = "1", description = "the inspection it was found in, if any") Long inspection,
    @Schema(example = "null", description = "the visit it was found in, if any") Long visit,
    UnitRef unit,
    RegionRef region,
    @Schema(example = "2021-10-01") LocalDate startDate,
    @Schema(example = "2021-10-31") LocalDate committedDeadline,
    @Schema(example = "2021-10-31", description = "the current deadline") LocalDate deadline,
    @Schema(example = "IN_PROGRESS") MeasureStatus status,
    @Schema(example = "50") int progress,
    @Schema(example = "GREEN") Light light,
    @Schema(example = "false") boolean overdue,
    @Schema(example = "0") long overdueDays,
    @Schema(example = "null") LocalDate claimedDoneOn,
    @Schema(example = "null") Instant verifiedAt,
    @Schema(example = "null") String verifiedBy,
    @Schema(example = "office") String createdBy,
    Instant createdAt,
    @Schema(example = "0", description = "the version: send it back in If-Match") long version) {

  /** The measure or task a rectification item concerns. */
  @Schema(name = "ItemRef")
  public record ItemRef(@Schema(example = "J05") String code, @Schema(example = "MEASURE") String kind, @Schema(example = "推进一站式多元解纷") String title) {}
}

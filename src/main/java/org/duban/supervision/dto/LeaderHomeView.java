package org.duban.supervision.dto;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A leader's own desk: the measures and tasks it is contact leader of, and the rectification items open on them. */
@Schema(name = "LeaderHome")
public record LeaderHomeView(
    @Schema(description = "the items the caller is contact leader of, by code") List<Item> items,
    @Schema(example = "1", description = "how many of them are overdue") long overdue,
    @Schema(description = "the rectification items on them, open first, then the latest closed") List<RectificationView> rectifications) {

  /** One followed item with its light. */
  @Schema(name = "LeaderHomeItem")
  public record Item(
      @Schema(example = "J05") String code,
      @Schema(example = "MEASURE") String kind,
      @Schema(example = "推进一站式多元解纷") String title,
      @Schema(example = "IN_PROGRESS") String status,
      @Schema(example = "40") int progress,
      @Schema(example = "YELLOW") String light,
      @Schema(example = "false") boolean overdue,
      @Schema(example = "2021-12-31") LocalDate deadline,
      @Schema(example = "1") long openRectifications) {}
}

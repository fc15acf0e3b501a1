package org.duban.publicapi.dto;

import java.util.List;
import java.util.Map;
import org.duban.measure.dto.RegionRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a region has done on the measures: its place, the counts of its tasks and a page of its tasks (those of its counties too). */
@Schema(name = "PublicRegion")
public record PublicRegion(
    @Schema(example = "370100") String code,
    @Schema(example = "济南市") String name,
    @Schema(description = "the enclosing region; null for the province") RegionRef parent,
    List<RegionRef> children,
    @Schema(example = "12") long total,
    @Schema(example = "{\"GREEN\":9,\"YELLOW\":2,\"RED\":1,\"CLOSED\":0}") Map<String, Long> byLight,
    @Schema(example = "{\"IN_PROGRESS\":12}") Map<String, Long> byStatus,
    @Schema(example = "1") long overdue,
    @Schema(example = "0", description = "the page of tasks shown, from 0") int page,
    @Schema(example = "1000", description = "tasks per page (the counts above are of all of them)") int size,
    @Schema(description = "one page of the region's tasks and its counties', by measure, then region") List<PublicTask> tasks) {}

package org.duban.supervision.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact leader's visit and research (联系调研) on a measure or task. */
@Schema(name = "Visit")
public record VisitView(
    @Schema(example = "1") long id,
    @Schema(example = "J05") String item,
    @Schema(example = "2021-08-20") LocalDate date,
    @Schema(example = "济南市中级人民法院") String place,
    @Schema(example = "省法院分管领导、市中院院长") String participants,
    @Schema(example = "远程调解平台使用率偏低") String findings,
    @Schema(description = "follow-ups, in order (a follow-up's position, from 0, names it when it becomes a rectification item)") List<String> followUps,
    @Schema(description = "the rectification items born from it, by id") List<Long> rectifications,
    @Schema(example = "leader") String recordedBy,
    Instant createdAt) {}

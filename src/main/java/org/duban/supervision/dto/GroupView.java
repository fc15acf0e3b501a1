package org.duban.supervision.dto;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A guidance group (省级指导组): its members and where it is sent. */
@Schema(name = "GuidanceGroup")
public record GroupView(
    @Schema(example = "1") long id,
    @Schema(example = "省级第一指导组") String name,
    @Schema(description = "LEADER and OFFICE accounts, by username") List<String> members,
    @Schema(description = "the regions it is assigned to (GB/T 2260 codes)") List<String> regions,
    @Schema(description = "the units it is assigned to") List<String> units,
    Instant createdAt) {}

package org.duban.supervision.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new guidance group, or a group's new members and assignments (each list, when sent, replaces the old). */
@Schema(name = "GroupRequest")
public record GroupRequest(
    @NotBlank @Size(max = 100) @Schema(example = "省级第一指导组", description = "internal: the group's name") String name,
    @Size(max = 50) @Schema(example = "[\"leader\", \"office\"]", description = "internal: LEADER or OFFICE usernames") List<String> members,
    @Size(max = 200) @Schema(example = "[\"370100\"]", description = "internal: region codes it is sent to") List<String> regions,
    @Size(max = 200) @Schema(example = "[\"fy\"]", description = "internal: unit codes it is sent to") List<String> units) {}

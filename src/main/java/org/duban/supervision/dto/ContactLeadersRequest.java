package org.duban.supervision.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contact leaders of a measure or task (LEADER accounts by username): the list replaces the old one. */
@Schema(name = "ContactLeadersRequest")
public record ContactLeadersRequest(@NotNull @Size(max = 20) @Schema(example = "[\"leader\"]", description = "internal: LEADER usernames") List<String> leaders) {}

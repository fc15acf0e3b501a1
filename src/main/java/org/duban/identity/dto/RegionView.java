package org.duban.identity.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One region: the node with its subtree, and the codes of the regions above it from the top down. */
@Schema(name = "Region")
public record RegionView(
    @Schema(example = "370100") String code,
    @Schema(example = "济南市") String name,
    @Schema(example = "2", description = "1 the province, 2 a city, 3 a county") int level,
    @Schema(example = "370000") String parent,
    @Schema(example = "[\"370000\"]", description = "the codes above it, from the top down") List<String> ancestors,
    @Schema(description = "the regions directly below, each with its own children") List<RegionNode> children) {}

package org.duban.identity.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region in the tree: its code (GB/T 2260), name, level (1 province, 2 city, 3 county), parent and children. */
@Schema(name = "RegionNode")
public record RegionNode(
    @Schema(example = "370100") String code,
    @Schema(example = "济南市") String name,
    @Schema(example = "2", description = "1 the province, 2 a city, 3 a county") int level,
    @Schema(example = "370000", description = "the parent region's code; null at the top") String parent,
    @Schema(description = "the regions directly below, each with its own children") List<RegionNode> children) {}

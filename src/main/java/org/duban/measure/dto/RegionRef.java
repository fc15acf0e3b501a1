package org.duban.measure.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region as lists show it: its GB/T 2260 code and name. */
@Schema(name = "RegionRef")
public record RegionRef(@Schema(example = "370100") String code, @Schema(example = "济南市") String name) {}

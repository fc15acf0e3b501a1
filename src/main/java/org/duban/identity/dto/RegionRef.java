package org.duban.identity.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region as another record names it: code and name. */
@Schema(name = "RegionRef")
public record RegionRef(@Schema(example = "370100") String code, @Schema(example = "济南市") String name) {}

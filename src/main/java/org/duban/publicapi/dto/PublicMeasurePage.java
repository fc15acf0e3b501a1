package org.duban.publicapi.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a page of public measures (for the API description; the answer is a Page). */
@Schema(name = "PublicMeasurePage")
public record PublicMeasurePage(
    List<PublicMeasure> items,
    @Schema(example = "0") int page,
    @Schema(example = "20") int size,
    @Schema(example = "18") long total) {}

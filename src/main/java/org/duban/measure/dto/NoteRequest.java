package org.duban.measure.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An optional body: a public sentence for the timeline (claim-done, verify, resume). */
@Schema(name = "Note")
public record NoteRequest(
    @Size(max = 2000) @Schema(example = "全省已建成县级一站式调解中心") String publicSummary) {}

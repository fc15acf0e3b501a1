package org.duban.measure.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An optional body: a published sentence for the timeline (claim-done, verify). */
@Schema(name = "Note")
public record NoteRequest(
    @Size(max = 2000) @Schema(example = "全省已建成县级一站式调解中心", description = "published: the sentence on the public timeline and feed; optional (a default sentence otherwise)") String publicSummary) {}

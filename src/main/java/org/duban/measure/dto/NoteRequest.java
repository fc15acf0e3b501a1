package org.duban.measure.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An optional body: a published sentence for the timeline (claim-done, verify), and, to verify an
 * item whose tasks are not all verified, the office's reason (internal: the journal).
 */
@Schema(name = "Note")
public record NoteRequest(
    @Size(max = 2000) @Schema(example = "全省已建成县级一站式调解中心", description = "published: the sentence on the public timeline and feed; optional (a default sentence otherwise)") String publicSummary,
    @Size(max = 2000) @Schema(example = "null", description = "internal: why the item is verified while some of its tasks are open (required then)") String openTasksReason) {

  public NoteRequest(String publicSummary) {
    this(publicSummary, null);
  }
}

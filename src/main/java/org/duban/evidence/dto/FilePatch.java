package org.duban.evidence.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the office may change about a file: whether it is public (a photo, without its metadata). */
public record FilePatch(
    @JsonProperty("public") @NotNull @Schema(name = "public", description = "serve a copy without metadata on the public side (JPEG and PNG only)", example = "true") Boolean published) {}

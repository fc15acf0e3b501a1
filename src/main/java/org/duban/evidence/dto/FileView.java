package org.duban.evidence.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An evidence file as staff see it (never the public: the public side has its own answer). */
public record FileView(
    @Schema(example = "7") long id,
    @Schema(description = "REPORT, CLAIM, VISIT, INSPECTION or RECTIFICATION", example = "REPORT") String ownerKind,
    @Schema(example = "42") long ownerId,
    @Schema(description = "the name it was uploaded with", example = "现场照片.jpg") String name,
    @Schema(description = "decided from the content, never from the name", example = "image/jpeg") String mediaType,
    @Schema(description = "bytes", example = "183245") long size,
    @Schema(description = "SHA-256 of the stored bytes, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
    @com.fasterxml.jackson.annotation.JsonProperty("public") @Schema(name = "public", description = "served publicly (a copy without metadata) at publicHref", example = "false") boolean published,
    @Schema(example = "fy_reporter") String uploadedBy,
    Instant uploadedAt,
    @Schema(example = "/api/v1/files/7") String href,
    @Schema(description = "only when published", example = "/api/v1/public/files/7") String publicHref) {}

package org.duban.identity.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A personal API token as its owner sees it in the list: never the token itself. */
@Schema(name = "Token")
public record TokenView(
    @Schema(example = "12") long id,
    @Schema(example = "月度台账脚本") String name,
    @Schema(example = "duban_Xy3k", description = "the token's first characters, to tell it apart") String hint,
    @Schema(example = "2026-11-30T08:00:00Z") Instant createdAt,
    @Schema(example = "2027-06-30T16:00:00Z") Instant expiresAt,
    @Schema(example = "2026-11-30T09:12:00Z") Instant lastUsedAt,
    @Schema(example = "null") Instant revokedAt,
    @Schema(example = "true", description = "created after a sign-in with a second factor (administrators' tokens need it)") boolean twoFactor) {}

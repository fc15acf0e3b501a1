package org.duban.identity.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to POST /api/v1/me/tokens: the only time the token is shown. */
@Schema(name = "CreatedToken")
public record CreatedToken(
    @Schema(example = "12") long id,
    @Schema(example = "月度台账脚本") String name,
    @Schema(example = "duban_Xy3kq0lT9d7WcZ2n4bH1sAeP6uVfRgJmKoLiNtYwEx8", description = "send it as Authorization: Bearer <token>; it is not stored and cannot be shown again") String token,
    @Schema(example = "2027-06-30T16:00:00Z") Instant expiresAt,
    @Schema(example = "true") boolean twoFactor) {}

package org.duban.identity.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/me/tokens. */
@Schema(name = "CreateToken")
public record CreateTokenRequest(
    @NotBlank @Size(max = 100) @Schema(example = "月度台账脚本", description = "internal: what the token is for, to recognise it in your list") String name,
    @Size(max = 40) @Schema(example = "2027-06-30", description = "internal: the last day it works (YYYY-MM-DD, in TRACKER_ZONE) or an ISO-8601 instant; default 90 days, at most TRACKER_TOKENS_MAX_DAYS (365)") String expiresAt) {}

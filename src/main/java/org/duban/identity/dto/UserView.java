package org.duban.identity.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as administrators see it; never the password hash or the second factor's secret. */
@Schema(name = "User")
public record UserView(
    @Schema(example = "reporter-fy") String username,
    @Schema(example = "REPORTER") String role,
    @Schema(example = "fy") String unit,
    @Schema(example = "370100", description = "the region an OFFICE, LEADER or REPORTER account is limited to; null: the whole province") String region,
    @Schema(example = "2021-05-14T07:30:00Z") Instant createdAt,
    @Schema(example = "false", description = "locked by the security administrator: no sign-in, session or token") boolean locked,
    @Schema(example = "null", description = "who locked it") String lockedBy,
    @Schema(example = "null", description = "why") String lockReason,
    @Schema(example = "null", description = "password sign-in refused until then, after failed sign-ins in a row (sessions and tokens go on)") Instant lockedOutUntil,
    @Schema(example = "true", description = "has a second factor (an authenticator app)") boolean secondFactor,
    @Schema(example = "false", description = "must change the password at the next sign-in") boolean mustChangePassword) {}

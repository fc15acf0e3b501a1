package org.duban.audit.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the security audit trail. */
@Schema(name = "AuditEvent")
public record AuditView(
    @Schema(example = "1042") long id,
    @Schema(example = "2021-10-01T02:00:00Z") Instant at,
    @Schema(example = "office") String actor,
    @Schema(example = "192.0.2.10") String clientIp,
    @Schema(example = "WRITE", description = "WRITE, LOGIN, LOGIN_FAILED, DENIED, SCAN") String action,
    @Schema(example = "MEASURE:J04 POSTPONE") String target,
    @Schema(example = "OK", description = "OK, FAILED, DENIED") String result,
    @Schema(example = "{\"field\":\"deadline\",\"old\":\"2021-12-31\",\"new\":\"2022-03-31\"}") String detail,
    @Schema(example = "9f2c…") String hash) {}

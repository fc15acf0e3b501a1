package org.duban.identity.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/users/{username}/lock. */
@Schema(name = "Lock")
public record LockRequest(@NotBlank @Size(max = 500) @Schema(example = "调离岗位", description = "internal: why (the account list, the journal and the audit trail)") String reason) {}

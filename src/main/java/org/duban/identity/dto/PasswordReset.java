package org.duban.identity.dto;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/users/{username}/password: the user must change it at the next login. */
@Schema(name = "PasswordReset")
public record PasswordReset(@NotNull @Schema(example = "Temporary-Pass-2021") String newPassword) {}

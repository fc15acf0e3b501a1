package org.duban.identity.dto;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/me/password. */
@Schema(name = "PasswordChange")
public record PasswordChange(
    @NotNull @Schema(example = "Old-Secret-2021") String currentPassword,
    @NotNull @Schema(example = "Correct-Horse-Battery-42") String newPassword) {}

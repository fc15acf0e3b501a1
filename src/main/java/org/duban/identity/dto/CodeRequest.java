package org.duban.identity.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A code from the authenticator app. */
@Schema(name = "Code")
public record CodeRequest(
    @NotNull @Pattern(regexp = "^\\s*\\d{6}\\s*$", message = "must be the 6 digits your authenticator shows") @Schema(example = "492039", description = "internal: the 6 digits your authenticator app shows now; never stored") String code) {}

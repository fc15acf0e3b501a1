package org.duban.identity.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/units: {@code email} is the contact address for notices. */
@Schema(name = "CreateUnit")
public record CreateUnitRequest(
    @NotBlank @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_-]{0,31}$", message = "must be 1 to 32 letters, digits, '_' and '-', starting with a letter")
        @Schema(example = "jnzfw", description = "published (as a measure's lead or co-unit)")
        String code,
    @NotBlank @Size(max = 200) @Schema(example = "济南市委政法委", description = "published (as a measure's lead or co-unit)") String name,
    @Email @Size(max = 254) @Schema(example = "duban@jnzfw.example.gov.cn", description = "internal: where notices go; never published") String email) {}

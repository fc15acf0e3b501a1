package org.duban.identity.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of POST /api/v1/units: {@code email} is the contact address for notices; {@code region} the
 * region the unit sits in (default 370000, the province); {@code parent} the unit above it in its
 * line (条), e.g. the provincial court over a city's court.
 */
@Schema(name = "CreateUnit")
public record CreateUnitRequest(
    @NotBlank @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_-]{0,31}$", message = "must be 1 to 32 letters, digits, '_' and '-', starting with a letter")
        @Schema(example = "jnzfw", description = "published (as a measure's lead or co-unit)")
        String code,
    @NotBlank @Size(max = 200) @Schema(example = "济南市委政法委", description = "published (as a measure's lead or co-unit)") String name,
    @Email @Size(max = 254) @Schema(example = "duban@jnzfw.example.gov.cn", description = "internal: where notices go; never published") String email,
    @Pattern(regexp = "^[1-9][0-9]{5}$", message = "must be a six-digit region code (GB/T 2260)")
        @Schema(example = "370100", description = "internal: the region the unit sits in (a code of GET /api/v1/regions); default 370000, the province")
        String region,
    @Size(max = 32) @Schema(example = "zfw", description = "internal: the code of the unit above it in its line (条); none when absent") String parent) {

  /** A unit in the province, without a line above it. */
  public CreateUnitRequest(String code, String name, String email) {
    this(code, name, email, null, null);
  }
}

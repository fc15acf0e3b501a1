package org.duban.identity.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of PATCH /api/v1/units/{code}: only the fields present change; an empty {@code email}
 * removes the contact address, an empty {@code parent} the line above. The code never changes
 * (measures and accounts name it).
 */
@Schema(name = "UpdateUnit")
public record UpdateUnitRequest(
    @Size(max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") @Schema(example = "济南市委政法委", description = "published (as a measure's lead or co-unit)") String name,
    @Size(max = 254) @Email @Schema(example = "duban@jnzfw.example.gov.cn", description = "internal: where notices go; empty removes it; never published") String email,
    @Pattern(regexp = "^[1-9][0-9]{5}$", message = "must be a six-digit region code (GB/T 2260)")
        @Schema(example = "370100", description = "internal: the region the unit sits in")
        String region,
    @Size(max = 32) @Schema(example = "zfw", description = "internal: the unit above it in its line (条); empty removes it") String parent) {

  public UpdateUnitRequest(String name, String email) {
    this(name, email, null, null);
  }
}

package org.duban.identity.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.duban.platform.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of POST /api/v1/users; {@code unit} is required for a REPORTER and refused otherwise;
 * {@code region} only for OFFICE, LEADER and REPORTER (a REPORTER's defaults to its unit's).
 */
@Schema(name = "CreateUser")
public record CreateUserRequest(
    @NotBlank @Pattern(regexp = "^[A-Za-z][A-Za-z0-9._-]{2,63}$", message = "must be 3 to 64 letters, digits, '.', '_' and '-', starting with a letter")
        @Schema(example = "reporter-jnzfw", description = "internal: staff and the journal see it; never published")
        String username,
    @NotNull @Size(max = 128) @Schema(example = "Correct-Horse-42", description = "12+ characters from 3 of: lower case, upper case, digits, others; not a common password") String password,
    @NotNull @Schema(example = "REPORTER") Role role,
    @Size(max = 32) @JsonAlias("unitCode") @Schema(example = "jnzfw", description = "internal: the reporter's unit") String unit,
    @Pattern(regexp = "^[1-9][0-9]{5}$", message = "must be a six-digit region code (GB/T 2260)")
        @Schema(example = "370100", description = "internal: the region the account is limited to (OFFICE, LEADER, REPORTER); none: the whole province; a REPORTER's defaults to its unit's and must contain it")
        String region) {

  public CreateUserRequest(String username, String password, Role role, String unit) {
    this(username, password, role, unit, null);
  }
}

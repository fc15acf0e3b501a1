package org.duban.identity.dto;

import java.time.Instant;
import org.duban.identity.UserAccount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as administrators see it; never the password hash. */
@Schema(name = "User")
public record UserView(
    @Schema(example = "reporter-fy") String username,
    @Schema(example = "REPORTER") String role,
    @Schema(example = "fy") String unit,
    @Schema(example = "2021-05-14T07:30:00Z") Instant createdAt) {
  public static UserView of(UserAccount u) {
    return new UserView(u.username, u.role, u.unitCode, u.createdAt);
  }
}

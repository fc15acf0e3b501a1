package org.duban.identity.dto;

import java.time.Instant;
import org.duban.identity.Unit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Unit")
public record UnitView(
    @Schema(example = "sft") String code,
    @Schema(example = "省司法厅") String name,
    @Schema(example = "duban@sft.example.gov.cn") String email,
    @Schema(example = "2021-05-14T07:30:00Z") Instant createdAt) {
  public static UnitView of(Unit u) {
    return new UnitView(u.code, u.name, u.email, u.createdAt);
  }
}

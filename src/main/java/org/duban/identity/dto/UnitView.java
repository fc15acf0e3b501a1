package org.duban.identity.dto;

import java.time.Instant;
import org.duban.identity.Unit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Unit")
public record UnitView(
    @Schema(example = "sft") String code,
    @Schema(example = "省司法厅") String name,
    @Schema(example = "duban@sft.example.gov.cn") String email,
    @Schema(description = "the region the unit sits in") RegionRef region,
    @Schema(example = "null", description = "the code of the unit above it in its line (条), or null") String parent,
    @Schema(example = "2021-05-14T07:30:00Z") Instant createdAt) {

  /** The unit, with the name of its region (the caller has it). */
  public static UnitView of(Unit u, String regionName) {
    return new UnitView(u.code, u.name, u.email, new RegionRef(u.regionCode, regionName), u.parentCode, u.createdAt);
  }
}

package org.duban.measure.dto;

import org.duban.identity.Unit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit as the public and staff see it: code and name, nothing else. */
public record UnitRef(
    @Schema(example = "fy") String code, @Schema(example = "省法院") String name) {
  public static UnitRef of(Unit unit) {
    return new UnitRef(unit.code, unit.name);
  }
}

package org.duban.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A responsible unit (责任单位): the lead or a co-unit of measures; its reporters act for it. */
@Entity
@Table(name = "unit")
public class Unit {
  @Id public String code;

  @Column(nullable = false)
  public String name;

  public String email;

  /** The region the unit sits in (the provincial units: 370000). */
  @Column(name = "region_code", nullable = false)
  public String regionCode = Regions.PROVINCE;

  /** The unit above it in its line (条), e.g. the provincial court over a city's court; or null. */
  @Column(name = "parent_code")
  public String parentCode;

  @Column(nullable = false)
  public Instant createdAt;
}

package org.duban.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An administrative region by its GB/T 2260 code: the province (370000), a city (370100) or a
 * county (370102). {@code path} lists the codes from the top down ('370000/370100/370102'): a
 * region contains another when the other's path starts with its own.
 */
@Entity
@Table(name = "region")
public class Region {
  @Id public String code;

  @Column(nullable = false)
  public String name;

  @Column(name = "parent_code")
  public String parentCode;

  @Column(nullable = false)
  public String path;

  @Column(nullable = false)
  public short level;

  @Column(nullable = false, updatable = false)
  public Instant createdAt;

  /** Whether this region is {@code other} or contains it. */
  public boolean contains(Region other) {
    return other.path.equals(path) || other.path.startsWith(path + "/");
  }
}

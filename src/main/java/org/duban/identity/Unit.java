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

  @Column(nullable = false)
  public Instant createdAt;
}

package org.duban.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A quantified target of a measure (e.g. 1,400 internet courts in 2021; review within 3 days). */
@Entity
@Table(name = "target")
public class Target {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "measure_id", nullable = false)
  public Measure measure;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public String description;

  public BigDecimal targetValue;

  public String unitLabel;

  public LocalDate dueDate;

  public BigDecimal actualValue;

  public String assumption;

  /** How the target's actual rolls up from the tasks below (Rollup; SQL twin duban_rollup_actual). */
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false)
  public Rollup.Aggregation aggregation = Rollup.Aggregation.SUM;
}

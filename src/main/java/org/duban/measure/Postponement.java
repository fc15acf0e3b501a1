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
import java.time.Instant;
import java.time.LocalDate;

/** An approved move of the current deadline (延期); the committed deadline never moves. */
@Entity
@Table(name = "postponement")
public class Postponement {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "measure_id", nullable = false)
  public Measure measure;

  @Column(nullable = false)
  public LocalDate oldDeadline;

  @Column(nullable = false)
  public LocalDate newDeadline;

  @Column(nullable = false)
  public String reason;

  @Column(nullable = false)
  public String approvedBy;

  @Column(nullable = false)
  public Instant approvedAt;
}

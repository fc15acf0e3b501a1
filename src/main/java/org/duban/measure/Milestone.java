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
import java.time.LocalDate;

/** A sub-task or milestone of a measure, with its own date where the source gives one. */
@Entity
@Table(name = "milestone")
public class Milestone {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "measure_id", nullable = false)
  public Measure measure;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public String title;

  public LocalDate dueDate;

  public LocalDate doneOn;

  /** Set when the date or the placement is the catalogue's assumption, not the source's words. */
  public String assumption;
}

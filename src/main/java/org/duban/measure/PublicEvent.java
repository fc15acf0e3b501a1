package org.duban.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of a measure's public timeline; holds only text meant for the public. */
@Entity
@Table(name = "public_event")
public class PublicEvent {
  public enum Kind {
    PROGRESS,
    POSTPONED,
    CLAIMED_DONE,
    VERIFIED,
    REOPENED,
    SUSPENDED,
    RESUMED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "measure_id", nullable = false)
  public Measure measure;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind;

  @Column(nullable = false)
  public Instant occurredAt;

  public Integer progress;

  public String summary;

  public LocalDate oldDeadline;

  public LocalDate newDeadline;
}

package org.duban.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded change: who, when, what (field, old and new value), from where. Append-only. */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The measure the change belongs to, when it belongs to one. */
  @Column(updatable = false)
  public Long measureId;

  @Column(nullable = false, updatable = false)
  public String entity;

  @Column(nullable = false, updatable = false)
  public String entityKey;

  @Column(nullable = false, updatable = false)
  public String action;

  @Column(updatable = false)
  public String field;

  @Column(updatable = false)
  public String oldValue;

  @Column(updatable = false)
  public String newValue;

  @Column(nullable = false, updatable = false)
  public String actor;

  @Column(updatable = false)
  public String clientIp;

  @Column(nullable = false, updatable = false)
  public Instant occurredAt;
}

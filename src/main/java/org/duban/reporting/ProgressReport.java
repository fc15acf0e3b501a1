package org.duban.reporting;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duban.measure.Measure;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A progress report (进展报送) of a unit on a measure, reviewed by the office. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {
  public enum State {
    PENDING,
    ACCEPTED,
    RETURNED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "measure_id", nullable = false)
  public Measure measure;

  @Column(nullable = false)
  public String unitCode;

  @Column(nullable = false)
  public String submittedBy;

  @Column(nullable = false)
  public Instant submittedAt;

  @Column(nullable = false)
  public int progress;

  /** Internal account of the work: never public. */
  public String narrative;

  /** The sentence the public sees once the report is accepted. */
  @Column(nullable = false)
  public String publicSummary;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]", nullable = false)
  public List<String> evidence = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  public String reviewedBy;

  public Instant reviewedAt;

  public String returnReason;

  @Version public long version;
}

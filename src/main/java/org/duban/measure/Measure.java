package org.duban.measure;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duban.identity.Regions;
import org.duban.identity.Unit;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tracked item (督办事项): a practical measure (实事), one public commitment with its units, dates
 * and progress, or one of its local tasks (分解任务, kind TASK: the measure broken down for one
 * region, code {measure}-{region}). Both live in one table so that one engine follows them.
 */
@Entity
@Table(name = "measure")
public class Measure {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true, updatable = false)
  public String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  public ItemKind kind = ItemKind.MEASURE;

  /** A task's parent: the measure, or the task of the region above (null for a measure). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id", updatable = false)
  public Measure parent;

  /** A task's measure (null for a measure). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "root_id", updatable = false)
  public Measure root;

  /** The region the item is carried out in (a measure: the province). */
  @Column(name = "region_code", nullable = false)
  public String regionCode = Regions.PROVINCE;

  /** Illustrative data (TRACKER_DEMO_SAMPLE_TASKS): marked 示例数据 wherever it shows. */
  public boolean sample;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Area area;

  @Column(nullable = false)
  public String title;

  public String summary;

  /** The sentence of the source (the press-conference transcript) the measure comes from. */
  public String sourceQuote;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "lead_unit_code", nullable = false)
  public Unit leadUnit;

  /** True when the source does not say which unit leads and the catalogue inferred it. */
  public boolean leadUnitInferred;

  /** What the catalogue assumed where the source is silent, one sentence each. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]", nullable = false)
  public List<String> assumptions = new ArrayList<>();

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "measure_co_unit",
      joinColumns = @JoinColumn(name = "measure_id"),
      inverseJoinColumns = @JoinColumn(name = "unit_code"))
  @OrderBy("code")
  public Set<Unit> coUnits = new LinkedHashSet<>();

  @Column(nullable = false)
  public LocalDate startDate;

  /** The public baseline: set once at creation and never changed. */
  @Column(nullable = false, updatable = false)
  public LocalDate committedDeadline;

  /** The deadline in force: moves only by an approved postponement. */
  @Column(nullable = false)
  public LocalDate currentDeadline;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MeasureStatus status;

  public String statusReason;

  @Column(nullable = false)
  public int progress;

  /** The business date on which the lead unit claimed it done (null when not claimed). */
  public LocalDate claimedDoneOn;

  public Instant verifiedAt;

  public String verifiedBy;

  /** Internal notes of the office: never public. */
  public String notes;

  /** Set by the scan: the lead unit missed the last closed reporting window (未按期报送). */
  @Column(insertable = false, updatable = false)
  public boolean reportingMissed;

  @Version public long version;

  /** The title's characters and two-character pieces, kept by PostgreSQL (V5) for the q search. */
  @Column(name = "title_grams", insertable = false, updatable = false)
  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
  public String[] titleGrams;

  @Column(nullable = false, updatable = false)
  public Instant createdAt;

  @Column(nullable = false)
  public Instant updatedAt;

  @OneToMany(mappedBy = "measure", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  public List<Milestone> milestones = new ArrayList<>();

  @OneToMany(mappedBy = "measure", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  public List<Target> targets = new ArrayList<>();

  public boolean isRectification() {
    return kind == ItemKind.RECTIFICATION;
  }

  /** A task or a rectification item: scoped by its unit's region, not the province's. */
  public boolean isLocal() {
    return kind != ItemKind.MEASURE;
  }

  public boolean isTask() {
    return kind == ItemKind.TASK;
  }

  public boolean involves(String unitCode) {
    return leadUnit.code.equals(unitCode) || coUnits.stream().anyMatch(u -> u.code.equals(unitCode));
  }
}

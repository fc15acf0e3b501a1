package org.duban.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.duban.audit.Journal;
import org.duban.catalogue.CatalogueService.FileKind;
import org.duban.catalogue.CatalogueService.ImportResult;
import org.duban.catalogue.TaskSheet.Column;
import org.duban.catalogue.TaskSheet.TaskRow;
import org.duban.identity.Region;
import org.duban.identity.Regions;
import org.duban.identity.Unit;
import org.duban.identity.UnitRepository;
import org.duban.measure.ItemKind;
import org.duban.measure.Measure;
import org.duban.measure.MeasureRepository;
import org.duban.measure.Target;
import org.duban.measure.TaskService;
import org.duban.measure.dto.CreateTaskRequest;
import org.duban.measure.dto.PatchTaskRequest;
import org.duban.platform.Actor;
import org.duban.platform.Precondition;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;

/**
 * Local tasks in files (issue 14, point 7): import (CSV or XLSX; one task per measure and region,
 * created through {@link TaskService} so that nesting, the office's region and the journal stay one
 * rule; an existing task's unit and shares updated, its deadline moved only by a postponement; all
 * rows or none) and export in the same format, of the tasks the office's region contains.
 *
 * <p>A little past 250 lines on purpose: the checks of a row and their order (each a row error with
 * its column) sit beside the apply step that may add more, so that "all rows or none" is read in
 * one place.
 */
@ApplicationScoped
public class TaskCatalogue {

  private final MeasureRepository measures;
  private final UnitRepository units;
  private final Regions regions;
  private final TaskService tasks;
  private final Journal journal;
  private final TransactionManager transactions;

  public TaskCatalogue(MeasureRepository measures, UnitRepository units, Regions regions, TaskService tasks, Journal journal,
      TransactionManager transactions) {
    this.measures = measures;
    this.units = units;
    this.regions = regions;
    this.tasks = tasks;
    this.journal = journal;
    this.transactions = transactions;
  }

  /** A row checked: what it names, the task it would change (null: a new one). */
  private record Checked(TaskRow row, Region region, String unit, Measure task) {}

  /**
   * Every row is checked first (cells, a measure that exists, a city or county inside the office's
   * region, once per file, a unit of that region, no more shares than the measure has targets, a
   * deadline that only a postponement can move); then all rows are applied in this one transaction,
   * cities before counties. A row the task rules refuse while applying is a row error too. Any row
   * error: 400 with each row, column and reason, and nothing is written.
   */
  @Transactional
  public ImportResult importFile(byte[] bytes, FileKind kind, Charset declared, boolean dryRun, Actor actor) {
    if (bytes.length == 0) {
      throw CatalogueFiles.fileProblem("The file is empty.");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    List<TaskRow> rows = TaskSheet.rows(kind == FileKind.XLSX ? XlsxSheetReader.read(bytes) : CatalogueFiles.csvLines(bytes, declared), errors);
    Map<String, Region> regionByCode = new HashMap<>();
    Map<String, Region> regionByName = new HashMap<>();
    for (Region r : regions.all()) {
      regionByCode.put(r.code, r);
      regionByName.merge(r.name, r, (a, b) -> null);
    }
    Map<String, String> unitNames = new LinkedHashMap<>();
    Map<String, Unit> unitByCode = new HashMap<>();
    for (Unit u : units.listAll()) {
      unitNames.put(u.code, u.name);
      unitByCode.put(u.code, u);
    }
    CatalogueUnits named = CatalogueUnits.of(unitNames);
    Map<String, Integer> seen = new HashMap<>();
    List<Checked> checked = new ArrayList<>();
    for (TaskRow row : rows) {
      int n = row.row();
      Measure measure = null;
      if (!row.measure().isEmpty()) {
        measure = ItemKind.ofCode(row.measure()) == ItemKind.TASK ? null : measures.findByCode(row.measure()).orElse(null);
        if (measure == null) {
          errors.add(rowError(n, Column.MEASURE, "no measure has the code '" + row.measure() + "'"));
        }
      }
      Region region = null;
      if (!row.region().isEmpty()) {
        region = regionByCode.containsKey(row.region()) ? regionByCode.get(row.region()) : regionByName.get(row.region());
        if (region == null) {
          errors.add(rowError(n, Column.REGION, "no region has the code or the name '" + row.region() + "'"));
        } else if (region.parentCode == null) {
          errors.add(rowError(n, Column.REGION, "a task is for a city or county: the province's share is the measure itself"));
          region = null;
        } else if (!regions.covers(actor, region.code)) {
          errors.add(rowError(n, Column.REGION, "region " + region.code + " is outside your region " + Regions.scopeOf(actor)));
          region = null;
        }
      }
      String unit = null;
      if (!row.unit().isEmpty()) {
        try {
          unit = named.code(row.unit());
        } catch (IllegalArgumentException e) {
          errors.add(rowError(n, Column.UNIT, e.getMessage()));
        }
      }
      if (unit != null && region != null && !region.code.equals(unitByCode.get(unit).regionCode)) {
        errors.add(rowError(n, Column.UNIT, "unit " + unit + " sits in region " + unitByCode.get(unit).regionCode + ", not in " + region.code));
      }
      if (measure == null || region == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(measure.code + "/" + region.code, n);
      if (first != null) {
        errors.add(rowError(n, Column.REGION, "appears again for this measure (first in row " + first + ")"));
        continue;
      }
      if (row.shares() != null && row.shares().size() > measure.targets.size()) {
        errors.add(rowError(n, Column.TARGET_SHARES,
            "has " + row.shares().size() + " values but " + measure.code + " has " + measure.targets.size() + " target(s)"));
      }
      Measure task = measures.findByCode(ItemKind.taskCode(measure.code, region.code)).orElse(null);
      if (task != null && row.deadline() != null && !row.deadline().equals(task.committedDeadline)) {
        errors.add(rowError(n, Column.DEADLINE,
            "task " + task.code + " was committed for " + task.committedDeadline + "; a deadline moves only through a postponement"));
      }
      checked.add(new Checked(row, region, unit, task));
    }
    refuseIf(errors);
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    checked.sort(Comparator.comparingInt((Checked c) -> c.region().level).thenComparingInt(c -> c.row().row()));
    for (Checked c : checked) {
      TaskRow row = c.row();
      try {
        if (c.task() == null) {
          tasks.create(row.measure(), new CreateTaskRequest(c.region().code, c.unit(), row.deadline(), null, row.shares(), null, null), actor);
          created++;
        } else if (sameUnitAndShares(c.task(), c.unit(), row.shares())) {
          unchanged++;
        } else {
          tasks.patch(c.task().code, new PatchTaskRequest(c.unit(), row.shares() == null ? List.of() : row.shares(), null, null, null),
              Precondition.ifMatch("*"), actor);
          updated++;
        }
      } catch (ProblemException e) {
        if (e.errors() == null || e.errors().isEmpty()) {
          errors.add(new Problem.FieldError(null, e.getMessage(), row.row(), null));
        } else {
          e.errors().forEach(f -> {
            Column col = Column.ofField(f.field());
            errors.add(new Problem.FieldError(f.field(), f.message(), row.row(), col == null ? null : col.key));
          });
        }
      }
    }
    refuseIf(errors);
    journal.on(actor, null, "CATALOGUE", "tasks-import")
        .action("IMPORT", kind + ": " + rows.size() + " task rows, " + created + " created, " + updated + " updated, " + unchanged + " unchanged");
    if (dryRun) {
      // Applied as for real (so the counts are exact), then rolled back: nothing stays.
      try {
        transactions.setRollbackOnly();
      } catch (SystemException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ImportResult(rows.size(), created, updated, unchanged, dryRun);
  }

  /** The tasks the actor's region contains, as CSV (UTF-8 with BOM) in the import format. */
  @Transactional
  public void exportCsv(OutputStream out, Actor actor) throws IOException {
    CatalogueFiles.writeCsvRows(out, TaskSheet.headings(), rows -> each(actor, rows));
  }

  /** The same as an Excel workbook. */
  @Transactional
  public void exportXlsx(OutputStream out, Actor actor) throws IOException {
    CatalogueFiles.writeXlsxRows(out, "任务分解", TaskSheet.headings(), TaskSheet.widths(), rows -> each(actor, rows));
  }

  /** Every task the actor's region contains, in code order, read in batches of 200. */
  private void each(Actor actor, Consumer<List<String>> rows) {
    EntityManager em = measures.getEntityManager();
    String after = "";
    while (true) {
      List<Measure> batch = em.createQuery(
              "select m from Measure m join fetch m.leadUnit join fetch m.root where m.kind = org.duban.measure.ItemKind.TASK"
                  + " and m.code > :after order by m.code", Measure.class)
          .setParameter("after", after)
          .setMaxResults(200)
          .getResultList();
      if (batch.isEmpty()) {
        return;
      }
      for (Measure t : batch) {
        if (regions.covers(actor, t.regionCode)) {
          rows.accept(TaskSheet.cells(t.root.code, t.regionCode, t.leadUnit.code, t.committedDeadline,
              t.targets.stream().map(x -> x.targetValue).toList()));
        }
      }
      after = batch.get(batch.size() - 1).code;
      em.clear();
    }
  }

  private static boolean sameUnitAndShares(Measure task, String unit, List<BigDecimal> shares) {
    if (!task.leadUnit.code.equals(unit)) {
      return false;
    }
    for (int i = 0; i < task.targets.size(); i++) {
      Target t = task.targets.get(i);
      BigDecimal share = shares == null || i >= shares.size() ? null : shares.get(i);
      if (!(Objects.equals(t.targetValue, share) || t.targetValue != null && share != null && t.targetValue.compareTo(share) == 0)) {
        return false;
      }
    }
    return true;
  }

  private static void refuseIf(List<Problem.FieldError> errors) {
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::row));
      throw new ProblemException(
          400,
          "Invalid catalogue file",
          errors.size() + " problem(s) in the file; nothing was imported. Correct the rows listed and import the whole file again.",
          errors);
    }
  }

  private static Problem.FieldError rowError(int row, Column c, String message) {
    return TaskSheet.rowError(row, c, message);
  }
}

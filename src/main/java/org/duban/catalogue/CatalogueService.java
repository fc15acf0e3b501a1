package org.duban.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.duban.audit.Journal;
import org.duban.catalogue.CatalogueFormat.Column;
import org.duban.catalogue.CatalogueFormat.RawRow;
import org.duban.identity.UnitService;
import org.duban.measure.MeasureEditing;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.PatchMeasureRequest;
import org.duban.platform.Actor;
import org.duban.platform.Precondition;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;

/**
 * The catalogue in files: import (CSV or XLSX; creates measures by code and updates the ones that
 * exist, all rows or none) and export in the same format. The demo catalogue loads through the
 * import too.
 */
@ApplicationScoped
public class CatalogueService {

  private final MeasureEditing measures;
  private final CatalogueMeasures catalogued;
  private final UnitService units;
  private final Validator validator;
  private final Journal journal;
  private final TransactionManager transactions;

  public CatalogueService(
      MeasureEditing measures, CatalogueMeasures catalogued, UnitService units, Validator validator, Journal journal,
      TransactionManager transactions) {
    this.journal = journal;
    this.transactions = transactions;
    this.measures = measures;
    this.catalogued = catalogued;
    this.units = units;
    this.validator = validator;
  }

  /** What an import did (or, on a dry run, would do). */
  public record ImportResult(int rows, int created, int updated, int unchanged, boolean dryRun) {}

  /** A catalogue file as it arrived: CSV (charset as declared, or found out) or XLSX. */
  public enum FileKind { CSV, XLSX }

  /**
   * Imports a catalogue file: every row is checked first (cells, the rules of POST /measures, units
   * that exist, by code or exact name, codes once per file, a committed deadline that only a postponement can move); if
   * any row is bad, the answer lists each bad row, column and reason and nothing is written.
   * Otherwise all rows are applied in this one transaction.
   */
  @Transactional
  public ImportResult importFile(byte[] bytes, FileKind kind, Charset declared, boolean dryRun, Actor actor) {
    if (bytes.length == 0) {
      throw CatalogueFiles.fileProblem("The file is empty.");
    }
    CatalogueFiles.Parsed parsed =
        kind == FileKind.XLSX ? CatalogueFiles.readXlsx(bytes) : CatalogueFiles.readCsv(bytes, declared);
    if (parsed.rows().isEmpty()) {
      throw CatalogueFiles.fileProblem("The file has headings but no measure.");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    List<CreateMeasureRequest> requests = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, String> unitNames = new LinkedHashMap<>();
    units.units().forEach(u -> unitNames.put(u.code(), u.name()));
    CatalogueUnits named = CatalogueUnits.of(unitNames);
    for (RawRow row : parsed.rows()) {
      int before = errors.size();
      CreateMeasureRequest r = CatalogueFormat.parse(row, named, errors);
      for (ConstraintViolation<CreateMeasureRequest> v : validator.validate(r)) {
        String path = v.getPropertyPath().toString();
        Column c = Column.ofField(path);
        if (isNullOfUnparsable(v, errors, before, c)) {
          continue;
        }
        errors.add(new Problem.FieldError(path, v.getMessage(), row.number(), c == null ? null : c.heading));
      }
      String code = r.code();
      if (code != null && !code.isBlank()) {
        Integer first = seen.putIfAbsent(code, row.number());
        if (first != null) {
          errors.add(rowError(row, Column.CODE, "appears again (first in row " + first + ")"));
        }
        if (org.duban.measure.ItemKind.ofCode(code) == org.duban.measure.ItemKind.RECTIFICATION) {
          errors.add(rowError(row, Column.CODE, "must not be ZG and a number: that is the shape of a rectification item's code"));
        }
        if (org.duban.measure.ItemKind.ofCode(code) == org.duban.measure.ItemKind.TASK) {
          // a local task is changed through the tasks sheet or its own endpoints, never as a measure
          errors.add(rowError(row, Column.CODE, "must not end in a dash and six digits: that is the shape of a task's code"));
        }
      }
      if (r.startDate() != null && r.deadline() != null && r.deadline().isBefore(r.startDate())) {
        errors.add(rowError(row, Column.DEADLINE, "must not be before 启动日期 (startDate)"));
      }
      requests.add(r);
    }
    Map<String, LocalDate> committed = catalogued.committedDeadlines(seen.keySet());
    for (int i = 0; i < requests.size(); i++) {
      CreateMeasureRequest r = requests.get(i);
      LocalDate was = committed.get(r.code());
      if (was != null && r.deadline() != null && !was.equals(r.deadline())) {
        errors.add(
            rowError(parsed.rows().get(i), Column.DEADLINE,
                "measure " + r.code() + " was committed for " + was + "; a deadline moves only through a postponement"));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::row));
      throw new ProblemException(
          400,
          "Invalid catalogue file",
          errors.size() + " problem(s) in the file; nothing was imported. Correct the rows listed and import the whole file again.",
          errors);
    }
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (CreateMeasureRequest m : requests) {
      if (committed.containsKey(m.code())) {
        long version = catalogued.versionOf(m.code());
        if (measures.update(m.code(), asPatch(m), Precondition.ifMatch("*"), actor).version() != version) {
          updated++;
        } else {
          unchanged++;
        }
      } else {
        measures.create(m, actor);
        created++;
      }
    }
    journal.on(actor, null, "CATALOGUE", "import")
        .action("IMPORT", kind + ": " + requests.size() + " rows, " + created + " created, " + updated + " updated, " + unchanged + " unchanged");
    if (dryRun) {
      // Applied as for real (so the counts are exact), then rolled back: nothing stays.
      try {
        transactions.setRollbackOnly();
      } catch (SystemException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ImportResult(requests.size(), created, updated, unchanged, dryRun);
  }

  /** A value that did not parse is reported once, as unparsable, not again as missing. */
  private static boolean isNullOfUnparsable(
      ConstraintViolation<CreateMeasureRequest> v,
      List<Problem.FieldError> errors,
      int from,
      Column c) {
    if (v.getInvalidValue() != null && !(v.getInvalidValue() instanceof String s && s.isBlank())) {
      return false;
    }
    String key = c == null ? null : c.key;
    return errors.subList(from, errors.size()).stream().anyMatch(e -> Objects.equals(e.field(), key));
  }

  private static Problem.FieldError rowError(RawRow row, Column c, String message) {
    return new Problem.FieldError(c.key, message, row.number(), c.heading);
  }

  /** Creates the units a CSV lists (headings code, name, email) that do not exist yet; returns how many. */
  @Transactional
  public int ensureUnits(byte[] csv, Actor actor) {
    int created = 0;
    String text = CatalogueFiles.decode(csv, null);
    try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text))) {
      for (var r : parser) {
        String email = r.isMapped("email") ? r.get("email") : "";
        if (units.ensureUnit(r.get("code").strip(), r.get("name").strip(), email.isBlank() ? null : email.strip(), actor)) {
          created++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return created;
  }

  /** The catalogue as CSV (UTF-8 with BOM) in the import format. */
  public void exportCsv(OutputStream out) throws IOException {
    CatalogueFiles.writeCsv(out, catalogued::eachAsRequest);
  }

  /** The catalogue as XLSX in the import format. */
  public void exportXlsx(OutputStream out) throws IOException {
    CatalogueFiles.writeXlsx(out, catalogued::eachAsRequest);
  }

  private static PatchMeasureRequest asPatch(CreateMeasureRequest m) {
    return new PatchMeasureRequest(
        m.area(),
        m.title(),
        m.summary() == null ? "" : m.summary(),
        m.sourceQuote() == null ? "" : m.sourceQuote(),
        m.leadUnit(),
        m.coUnits() == null ? List.of() : m.coUnits(),
        m.startDate(),
        m.milestones() == null ? List.of() : m.milestones(),
        m.targets() == null ? List.of() : m.targets(),
        m.leadUnitInferred() == null ? Boolean.FALSE : m.leadUnitInferred(),
        m.assumptions() == null ? List.of() : m.assumptions(),
        m.notes() == null ? "" : m.notes());
  }
}

package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.duban.audit.Journal;
import org.duban.platform.Actor;
import org.duban.platform.Problem;

/**
 * Regions from a CSV file ({@code code,name,parent}; UTF-8, BOM allowed, or GBK), all rows or none,
 * as the unit import: every row is checked first, alone (a GB/T 2260 code, a name) and against the
 * tree the file would make (a parent known or in the file, in any order; three levels at most; no
 * circle; the province stays at the top); any problem is a 400 naming each row and column, and
 * nothing is written. A new code is created, a known one takes the file's name and parent (its
 * whole subtree's paths and levels follow), an unchanged row is counted as such. Every created or
 * changed region is journaled (entity REGION).
 */
@ApplicationScoped
public class RegionImport {

  public static final List<String> COLUMNS = List.of("code", "name", "parent");
  static final int MAX_LEVEL = 3;
  static final String CODE = "[1-9][0-9]{5}";

  /** What an import did (or, in a dry run, would do). */
  public record Result(int rows, int created, int updated, int unchanged, boolean dryRun) {}

  /** A region as the file would leave it. */
  private record Wanted(String code, String name, String parent, CSVRecord row) {}

  private final Regions regions;
  private final Journal journal;
  private final Clock clock;

  public RegionImport(Regions regions, Journal journal, Clock clock) {
    this.regions = regions;
    this.journal = journal;
    this.clock = clock;
  }

  @Transactional
  public Result importCsv(byte[] body, boolean dryRun, Actor actor) {
    List<CSVRecord> rows = CsvRows.parse(body, COLUMNS, List.of());
    if (!dryRun) {
      // one import at a time: each checks the tree the other might be changing
      regions.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('duban:region-import'))").getSingleResult();
    }
    Map<String, Region> known = new HashMap<>();
    regions.listAll().forEach(r -> known.put(r.code, r));
    List<Problem.FieldError> errors = new ArrayList<>();
    Map<String, Wanted> file = new LinkedHashMap<>();
    Map<String, Long> seen = new HashMap<>();
    for (CSVRecord row : rows) {
      String code = CsvRows.cell(row, "code");
      String name = CsvRows.cell(row, "name");
      String parent = CsvRows.cell(row, "parent");
      int before = errors.size();
      if (code == null) {
        errors.add(rowError(row, "code", "must not be blank"));
      } else if (!code.matches(CODE)) {
        errors.add(rowError(row, "code", "must be a six-digit region code (GB/T 2260)"));
      }
      if (name == null) {
        errors.add(rowError(row, "name", "must not be blank"));
      } else if (name.length() > 100) {
        errors.add(rowError(row, "name", "must be at most 100 characters"));
      }
      if (parent != null && !parent.matches(CODE)) {
        errors.add(rowError(row, "parent", "must be a six-digit region code (GB/T 2260)"));
      } else if (parent != null && parent.equals(code)) {
        errors.add(rowError(row, "parent", "a region cannot be its own parent"));
      }
      if (code != null && code.matches(CODE)) {
        Long first = seen.putIfAbsent(code, row.getRecordNumber() + 1);
        if (first != null) {
          errors.add(rowError(row, "code", "appears again (first in row " + first + ")"));
        } else if (errors.size() == before) {
          file.put(code, new Wanted(code, name, parent, row));
        }
      }
    }
    // the tree the file would make: the known regions, each row in place of its code's
    Map<String, String> parents = new HashMap<>();
    known.values().forEach(r -> parents.put(r.code, r.parentCode));
    file.values().forEach(w -> parents.put(w.code(), w.parent()));
    Set<String> rejected = new HashSet<>();
    for (Wanted w : file.values()) {
      if (w.parent() != null && !parents.containsKey(w.parent())) {
        errors.add(rowError(w.row(), "parent", "no region has the code '" + w.parent() + "', in the file or already"));
        rejected.add(w.code());
      } else if (Regions.PROVINCE.equals(w.code()) && w.parent() != null) {
        errors.add(rowError(w.row(), "parent", "the province " + Regions.PROVINCE + " stays at the top: it has no parent"));
        rejected.add(w.code());
      }
    }
    Map<String, List<String>> paths = new HashMap<>();
    for (Wanted w : file.values()) {
      if (rejected.contains(w.code())) {
        continue;
      }
      List<String> path = path(w.code(), parents);
      if (path == null) {
        errors.add(rowError(w.row(), "parent", "the parents run in a circle through " + w.code()));
      }
    }
    // every region's place (a moved region carries its subtree): three levels at most
    for (String code : parents.keySet()) {
      List<String> path = path(code, parents);
      if (path == null) {
        continue; // a circle, named above
      }
      paths.put(code, path);
      if (path.size() > MAX_LEVEL) {
        Wanted cause = null;
        for (int i = path.size() - 1; i >= 0 && cause == null; i--) {
          cause = file.get(path.get(i));
        }
        if (cause != null) {
          errors.add(rowError(cause.row(), "parent", "puts region " + code + " at level " + path.size()
              + ": regions go three levels deep at most (province, city, county)"));
        }
      }
    }
    CsvRows.refuse(dedupe(errors));

    int created = 0;
    int updated = 0;
    for (Wanted w : file.values()) {
      Region r = known.get(w.code());
      if (r == null) {
        created++;
      } else if (!r.name.equals(w.name()) || !Objects.equals(r.parentCode, w.parent())) {
        updated++;
      }
    }
    Result result = new Result(rows.size(), created, updated, rows.size() - created - updated, dryRun);
    if (dryRun) {
      return result;
    }
    // parents before their children (a new region's parent may be a new region)
    List<String> order = new ArrayList<>(parents.keySet());
    order.sort(Comparator.comparing((String c) -> paths.get(c).size()).thenComparing(c -> c));
    for (String code : order) {
      List<String> path = paths.get(code);
      String joined = String.join("/", path);
      Wanted w = file.get(code);
      Region r = known.get(code);
      if (r == null) {
        r = new Region();
        r.code = code;
        r.name = w.name();
        r.parentCode = w.parent();
        r.path = joined;
        r.level = (short) path.size();
        r.createdAt = clock.instant();
        regions.persist(r);
        var rec = journal.on(actor, null, "REGION", code);
        rec.change("CREATE", "name", null, r.name);
        rec.change("CREATE", "parent", null, r.parentCode);
        continue;
      }
      var rec = journal.on(actor, null, "REGION", code);
      if (w != null && !r.name.equals(w.name())) {
        rec.change("UPDATE", "name", r.name, w.name());
        r.name = w.name();
      }
      if (w != null && !Objects.equals(r.parentCode, w.parent())) {
        rec.change("UPDATE", "parent", r.parentCode, w.parent());
        r.parentCode = w.parent();
      }
      if (!r.path.equals(joined)) {
        rec.change("UPDATE", "path", r.path, joined);
        r.path = joined;
        r.level = (short) path.size();
      }
    }
    regions.flush();
    return result;
  }

  /** The codes from the top down to {@code code} by these parents; null when they run in a circle. */
  static List<String> path(String code, Map<String, String> parents) {
    List<String> up = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String at = code; at != null; at = parents.get(at)) {
      if (!seen.add(at)) {
        return null;
      }
      up.add(at);
    }
    java.util.Collections.reverse(up);
    return up;
  }

  /** One error per row, column and message (a region too deep is named once by the row that moved it). */
  private static List<Problem.FieldError> dedupe(List<Problem.FieldError> errors) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(errors));
  }

  private static Problem.FieldError rowError(CSVRecord row, String column, String message) {
    return CsvRows.error(row, column, message);
  }
}

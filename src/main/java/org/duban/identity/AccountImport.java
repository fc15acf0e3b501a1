package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.identity.dto.CreateUserRequest;
import org.duban.platform.Actor;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * Units and accounts from a CSV file (UTF-8, BOM allowed; a heading row): every row is checked
 * first with the rules of POST /units and POST /users (and against the other rows); any bad row
 * makes a 400 listing each row, column and reason, and nothing is written. Otherwise all rows are
 * created in one transaction (a dry run only counts them). Imported accounts must change their
 * password at first sign-in.
 */
@ApplicationScoped
public class AccountImport {

  public static final List<String> UNIT_COLUMNS = List.of("code", "name", "email");
  public static final List<String> USER_COLUMNS = List.of("username", "password", "role", "unit");
  static final int MAX_ROWS = 5000;

  /** What an import did (or, in a dry run, would do). */
  public record ImportResult(int rows, int created, boolean dryRun) {}

  private final UnitService units;
  private final IdentityService identities;
  private final UnitRepository unitRows;
  private final UserRepository userRows;
  private final Validator validator;

  public AccountImport(UnitService units, IdentityService identities, UnitRepository unitRows, UserRepository userRows, Validator validator) {
    this.units = units;
    this.identities = identities;
    this.unitRows = unitRows;
    this.userRows = userRows;
    this.validator = validator;
  }

  @Transactional
  public ImportResult importUnits(byte[] body, boolean dryRun, Actor actor) {
    List<CSVRecord> rows = parse(body, UNIT_COLUMNS);
    List<Problem.FieldError> errors = new ArrayList<>();
    List<CreateUnitRequest> requests = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    for (CSVRecord row : rows) {
      CreateUnitRequest r = new CreateUnitRequest(cell(row, "code"), cell(row, "name"), cell(row, "email"));
      int before = errors.size();
      check(r, row, errors);
      if (errors.size() == before && r.code() != null) {
        Long first = seen.putIfAbsent(r.code(), row.getRecordNumber() + 1);
        if (first != null) {
          errors.add(error(row, "code", "appears again (first in row " + first + ")"));
        } else if (unitRows.findByIdOptional(r.code()).isPresent()) {
          errors.add(error(row, "code", "a unit with this code exists already"));
        }
      }
      requests.add(r);
    }
    refuse(errors);
    if (!dryRun) {
      requests.forEach(r -> units.createUnit(r, actor));
    }
    return new ImportResult(requests.size(), requests.size(), dryRun);
  }

  @Transactional
  public ImportResult importUsers(byte[] body, boolean dryRun, Actor actor) {
    List<CSVRecord> rows = parse(body, USER_COLUMNS);
    List<Problem.FieldError> errors = new ArrayList<>();
    List<CreateUserRequest> requests = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    Role me = actor.role() == null ? null : Role.valueOf(actor.role());
    for (CSVRecord row : rows) {
      String roleText = cell(row, "role");
      Role role = null;
      if (roleText == null) {
        errors.add(error(row, "role", "must not be blank"));
      } else {
        try {
          role = Role.valueOf(roleText.toUpperCase());
        } catch (IllegalArgumentException e) {
          errors.add(error(row, "role", "must be one of OFFICE, LEADER, REPORTER, ADMIN, AUDITOR"));
        }
      }
      String password = row.isMapped("password") && row.isSet("password") ? row.get("password") : null;
      CreateUserRequest r = new CreateUserRequest(cell(row, "username"), password, role, cell(row, "unit"));
      int before = errors.size();
      check(r, row, errors);
      if (errors.size() > before || role == null) {
        requests.add(r);
        continue;
      }
      if (me == null || !me.administers().contains(role)) {
        errors.add(error(row, "role", "a " + actor.role() + " may not create a " + role + " account"));
      }
      if (role == Role.REPORTER && r.unit() == null) {
        errors.add(error(row, "unit", "a REPORTER must be bound to a unit"));
      } else if (role != Role.REPORTER && r.unit() != null) {
        errors.add(error(row, "unit", "only a REPORTER is bound to a unit"));
      } else if (r.unit() != null && unitRows.findByIdOptional(r.unit()).isEmpty()) {
        errors.add(error(row, "unit", "no unit has the code '" + r.unit() + "'"));
      }
      Long first = seen.putIfAbsent(r.username(), row.getRecordNumber() + 1);
      if (first != null) {
        errors.add(error(row, "username", "appears again (first in row " + first + ")"));
      } else if (userRows.findByUsername(r.username()).isPresent()) {
        errors.add(error(row, "username", "the user name is taken"));
      }
      identities.passwordProblems(r.username(), r.password()).forEach(m -> errors.add(error(row, "password", m)));
      requests.add(r);
    }
    refuse(errors);
    if (!dryRun) {
      requests.forEach(r -> identities.createImportedUser(r, actor));
    }
    return new ImportResult(requests.size(), requests.size(), dryRun);
  }

  /** The rows under a heading row that names exactly these columns (in any order). */
  private static List<CSVRecord> parse(byte[] body, List<String> columns) {
    String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new ProblemException(400, "Invalid file", "The file is empty.", null);
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(text),
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get())) {
      List<String> headings = parser.getHeaderNames();
      List<Problem.FieldError> errors = new ArrayList<>();
      for (String c : columns) {
        if (!headings.contains(c)) {
          errors.add(new Problem.FieldError(c, "the heading row has no column " + c, 1, c));
        }
      }
      for (String h : headings) {
        if (!columns.contains(h)) {
          errors.add(new Problem.FieldError(h, "unknown column (the columns are " + String.join(", ", columns) + ")", 1, h));
        }
      }
      refuse(errors);
      List<CSVRecord> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (rows.size() == MAX_ROWS) {
          throw new ProblemException(400, "Invalid file", "The file has more than " + MAX_ROWS + " rows.", null);
        }
        rows.add(r);
      }
      if (rows.isEmpty()) {
        throw new ProblemException(400, "Invalid file", "The file has headings but no row.", null);
      }
      return rows;
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new ProblemException(400, "Invalid file", "The file is not a readable CSV file.", null);
    }
  }

  private <T> void check(T request, CSVRecord row, List<Problem.FieldError> errors) {
    for (ConstraintViolation<T> v : validator.validate(request)) {
      String field = v.getPropertyPath().toString();
      errors.add(error(row, field, v.getMessage()));
    }
  }

  private static String cell(CSVRecord row, String column) {
    if (!row.isMapped(column) || !row.isSet(column)) {
      return null;
    }
    String v = row.get(column);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** A row's error: its row is the file's line as a spreadsheet numbers it (the heading is row 1). */
  private static Problem.FieldError error(CSVRecord row, String column, String message) {
    return new Problem.FieldError(column, message, (int) row.getRecordNumber() + 1, column);
  }

  private static void refuse(List<Problem.FieldError> errors) {
    if (!errors.isEmpty()) {
      errors.sort(java.util.Comparator.comparing(Problem.FieldError::row));
      throw new ProblemException(400, "Invalid file", "The file has " + errors.size() + " problem(s); nothing was imported.", errors);
    }
  }
}

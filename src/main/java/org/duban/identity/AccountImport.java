package org.duban.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.identity.dto.CreateUserRequest;
import org.duban.platform.Actor;
import org.duban.platform.Problem;
import org.duban.platform.ProblemException;
import org.duban.platform.Role;

/**
 * Units and accounts from a CSV file (UTF-8, BOM allowed, or GBK; a heading row; a unit's region
 * and parent and an account's region are optional columns; a parent may be another row): every row is checked
 * first with the rules of POST /units and POST /users (and against the other rows); any bad row
 * makes a 400 listing each row, column and reason, and nothing is written. Otherwise all rows are
 * created in one transaction (a dry run only counts them). Imported accounts must change their
 * password at first sign-in.
 */
@ApplicationScoped
public class AccountImport {

  public static final List<String> UNIT_COLUMNS = List.of("code", "name", "email");
  public static final List<String> USER_COLUMNS = List.of("username", "password", "role", "unit");
  /** Columns a file may add: a unit's region and the unit above it in its line; an account's region. */
  public static final List<String> UNIT_OPTIONAL = List.of("region", "parent");
  public static final List<String> USER_OPTIONAL = List.of("region");

  /** What an import did (or, in a dry run, would do). */
  public record ImportResult(int rows, int created, boolean dryRun) {}

  private final UnitService units;
  private final IdentityService identities;
  private final UnitRepository unitRows;
  private final UserRepository userRows;
  private final Regions regions;
  private final Validator validator;

  public AccountImport(UnitService units, IdentityService identities, UnitRepository unitRows, UserRepository userRows, Regions regions,
      Validator validator) {
    this.regions = regions;
    this.units = units;
    this.identities = identities;
    this.unitRows = unitRows;
    this.userRows = userRows;
    this.validator = validator;
  }

  @Transactional
  public ImportResult importUnits(byte[] body, boolean dryRun, Actor actor) {
    List<CSVRecord> rows = CsvRows.parse(body, UNIT_COLUMNS, UNIT_OPTIONAL);
    List<Problem.FieldError> errors = new ArrayList<>();
    Map<String, CreateUnitRequest> requests = new java.util.LinkedHashMap<>();
    Map<String, CSVRecord> rowOf = new HashMap<>();
    Map<String, Long> seen = new HashMap<>();
    for (CSVRecord row : rows) {
      CreateUnitRequest r = new CreateUnitRequest(CsvRows.cell(row, "code"), CsvRows.cell(row, "name"), CsvRows.cell(row, "email"), CsvRows.cell(row, "region"), CsvRows.cell(row, "parent"));
      int before = errors.size();
      check(r, row, errors);
      if (r.region() != null && r.region().matches("[1-9][0-9]{5}") && regions.region(r.region()).isEmpty()) {
        errors.add(CsvRows.error(row, "region", "no region has the code '" + r.region() + "'"));
      }
      if (errors.size() == before && r.code() != null) {
        Long first = seen.putIfAbsent(r.code(), row.getRecordNumber() + 1);
        if (first != null) {
          errors.add(CsvRows.error(row, "code", "appears again (first in row " + first + ")"));
        } else if (unitRows.findByIdOptional(r.code()).isPresent()) {
          errors.add(CsvRows.error(row, "code", "a unit with this code exists already"));
        } else {
          requests.put(r.code(), r);
          rowOf.put(r.code(), row);
        }
      }
    }
    // a parent is a unit already there or another row of the file; the lines never run in a circle
    Map<String, String> lines = units.lines();
    requests.values().forEach(r -> lines.put(r.code(), r.parent()));
    for (CreateUnitRequest r : requests.values()) {
      CSVRecord row = rowOf.get(r.code());
      if (r.parent() == null) {
        continue;
      }
      if (r.parent().equals(r.code())) {
        errors.add(CsvRows.error(row, "parent", "a unit cannot be its own parent"));
      } else if (!lines.containsKey(r.parent())) {
        errors.add(CsvRows.error(row, "parent", "no unit has the code '" + r.parent() + "', in the file or already"));
      } else if (UnitService.circle(r.code(), r.parent(), lines) != null) {
        errors.add(CsvRows.error(row, "parent", "the units' lines would run in a circle through " + r.code()));
      }
    }
    CsvRows.refuse(errors);
    if (!dryRun) {
      // parents before their children
      java.util.Set<String> done = new java.util.HashSet<>();
      for (CreateUnitRequest r : requests.values()) {
        createWithParents(r, requests, done, actor);
      }
    }
    return new ImportResult(rows.size(), rows.size(), dryRun);
  }

  private void createWithParents(CreateUnitRequest r, Map<String, CreateUnitRequest> requests, java.util.Set<String> done, Actor actor) {
    if (!done.add(r.code())) {
      return;
    }
    CreateUnitRequest parent = r.parent() == null ? null : requests.get(r.parent());
    if (parent != null) {
      createWithParents(parent, requests, done, actor);
    }
    units.createUnit(r, actor);
  }

  @Transactional
  public ImportResult importUsers(byte[] body, boolean dryRun, Actor actor) {
    List<CSVRecord> rows = CsvRows.parse(body, USER_COLUMNS, USER_OPTIONAL);
    List<Problem.FieldError> errors = new ArrayList<>();
    List<CreateUserRequest> requests = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    Role me = actor.role() == null ? null : Role.valueOf(actor.role());
    for (CSVRecord row : rows) {
      String roleText = CsvRows.cell(row, "role");
      Role role = null;
      if (roleText == null) {
        errors.add(CsvRows.error(row, "role", "must not be blank"));
      } else {
        try {
          role = Role.valueOf(roleText.toUpperCase());
        } catch (IllegalArgumentException e) {
          errors.add(CsvRows.error(row, "role", "must be one of OFFICE, LEADER, REPORTER, ADMIN, AUDITOR"));
        }
      }
      String password = row.isMapped("password") && row.isSet("password") ? row.get("password") : null;
      CreateUserRequest r = new CreateUserRequest(CsvRows.cell(row, "username"), password, role, CsvRows.cell(row, "unit"), CsvRows.cell(row, "region"));
      int before = errors.size();
      check(r, row, errors);
      if (errors.size() > before || role == null) {
        requests.add(r);
        continue;
      }
      if (me == null || !me.administers().contains(role)) {
        errors.add(CsvRows.error(row, "role", "a " + actor.role() + " may not create a " + role + " account"));
      }
      if (role == Role.REPORTER && r.unit() == null) {
        errors.add(CsvRows.error(row, "unit", "a REPORTER must be bound to a unit"));
      } else if (role != Role.REPORTER && r.unit() != null) {
        errors.add(CsvRows.error(row, "unit", "only a REPORTER is bound to a unit"));
      } else if (r.unit() != null && unitRows.findByIdOptional(r.unit()).isEmpty()) {
        errors.add(CsvRows.error(row, "unit", "no unit has the code '" + r.unit() + "'"));
      }
      try {
        identities.regionOf(role, r.unit(), r.region());
      } catch (ProblemException e) {
        e.errors().forEach(f -> errors.add(CsvRows.error(row, "region", f.message())));
      }
      Long first = seen.putIfAbsent(r.username(), row.getRecordNumber() + 1);
      if (first != null) {
        errors.add(CsvRows.error(row, "username", "appears again (first in row " + first + ")"));
      } else if (userRows.findByUsername(r.username()).isPresent()) {
        errors.add(CsvRows.error(row, "username", "the user name is taken"));
      }
      identities.passwordProblems(r.username(), r.password()).forEach(m -> errors.add(CsvRows.error(row, "password", m)));
      requests.add(r);
    }
    CsvRows.refuse(errors);
    if (!dryRun) {
      requests.forEach(r -> identities.createImportedUser(r, actor));
    }
    return new ImportResult(requests.size(), requests.size(), dryRun);
  }

  private <T> void check(T request, CSVRecord row, List<Problem.FieldError> errors) {
    for (ConstraintViolation<T> v : validator.validate(request)) {
      String field = v.getPropertyPath().toString();
      errors.add(CsvRows.error(row, field, v.getMessage()));
    }
  }
}

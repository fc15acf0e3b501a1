package org.duban.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.duban.audit.Journal;
import org.duban.identity.dto.CreateUnitRequest;
import org.duban.identity.dto.CreateUserRequest;
import org.duban.identity.dto.UnitView;
import org.duban.identity.dto.UserView;
import org.duban.platform.Actor;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;

/** Accounts and units. Passwords are stored as bcrypt hashes; every change is journaled. */
@ApplicationScoped
public class IdentityService {

  private final UserRepository users;
  private final UnitRepository units;
  private final Journal journal;
  private final Clock clock;

  private final PasswordPolicy policy;

  public IdentityService(UserRepository users, UnitRepository units, Journal journal, Clock clock, PasswordPolicy policy) {
    this.policy = policy;
    this.users = users;
    this.units = units;
    this.journal = journal;
    this.clock = clock;
  }

  @Transactional
  public Page<UserView> users(PageRequest page) {
    var query = users.find("order by username");
    long total = query.count();
    return new Page<>(
        query.page(page.page, page.size).list().stream().map(UserView::of).toList(), page.page, page.size, total);
  }

  @Transactional
  public UserView createUser(CreateUserRequest r, Actor actor) {
    if (users.findByUsername(r.username()).isPresent()) {
      throw ProblemException.conflict("The user name " + r.username() + " is taken.");
    }
    if (r.role() == Role.REPORTER && (r.unit() == null || r.unit().isBlank())) {
      throw ProblemException.invalid("unit", "a REPORTER must be bound to a unit");
    }
    if (r.role() != Role.REPORTER && r.unit() != null) {
      throw ProblemException.invalid("unit", "only a REPORTER is bound to a unit");
    }
    if (r.unit() != null && units.findByIdOptional(r.unit()).isEmpty()) {
      throw ProblemException.invalid("unit", "unknown unit " + r.unit());
    }
    requireGood("password", r.username(), r.password());
    UserAccount u = add(r.username(), r.password(), r.role(), r.unit());
    var rec = journal.on(actor, null, "USER", u.username);
    rec.change("CREATE", "role", null, u.role);
    rec.change("CREATE", "unit", null, u.unitCode);
    return UserView.of(u);
  }

  /** Logout: until the next form login, no session cookie of this account is accepted (LoginGuard). */
  @Transactional
  public void signedOut(String username) {
    users.getEntityManager().createNativeQuery("update app_user set logged_out_at = now() where username = ?1")
        .setParameter(1, username).executeUpdate();
  }

  /** The user changes its own password (also when it has expired or was reset). */
  @Transactional
  public void changePassword(String currentPassword, String newPassword, Actor actor) {
    UserAccount u = users.findByUsername(actor.username()).orElseThrow(() -> ProblemException.forbidden("No account."));
    if (currentPassword == null || !BcryptUtil.matches(currentPassword, u.passwordHash)) {
      throw ProblemException.invalid("currentPassword", "is not your current password");
    }
    if (currentPassword.equals(newPassword)) {
      throw ProblemException.invalid("newPassword", "must differ from the current password");
    }
    requireGood("newPassword", u.username, newPassword);
    setPassword(u, newPassword, false);
    journal.on(actor, null, "USER", u.username).action("PASSWORD_CHANGE", null);
  }

  /** An administrator sets a new password; the user must change it at the next login. */
  @Transactional
  public void resetPassword(String username, String newPassword, Actor actor) {
    UserAccount u = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("There is no user " + username + "."));
    requireGood("newPassword", u.username, newPassword);
    setPassword(u, newPassword, true);
    journal.on(actor, null, "USER", u.username).action("PASSWORD_RESET", "must change at next login");
  }

  private void setPassword(UserAccount u, String password, boolean mustChange) {
    u.passwordHash = BcryptUtil.bcryptHash(password);
    users.flush();
    users.getEntityManager()
        .createNativeQuery("update app_user set password_changed_at = now(), must_change_password = ?2, failed_logins = 0,"
            + " locked_until = null where username = ?1")
        .setParameter(1, u.username)
        .setParameter(2, mustChange)
        .executeUpdate();
  }

  private void requireGood(String field, String username, String password) {
    List<String> problems = policy.problems(username, password);
    if (!problems.isEmpty()) {
      throw new ProblemException(400, "Invalid request", "The password does not meet the password policy.",
          problems.stream().map(m -> new org.duban.platform.Problem.FieldError(field, m)).toList());
    }
  }

  @Transactional
  public List<UnitView> units() {
    return units.listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(UnitView::of).toList();
  }

  @Transactional
  public UnitView unit(String code) {
    return units
        .findByIdOptional(code)
        .map(UnitView::of)
        .orElseThrow(() -> ProblemException.notFound("There is no unit " + code + "."));
  }

  @Transactional
  public UnitView createUnit(CreateUnitRequest r, Actor actor) {
    if (units.findByIdOptional(r.code()).isPresent()) {
      throw ProblemException.conflict("A unit with code " + r.code() + " exists already.");
    }
    Unit u = new Unit();
    u.code = r.code();
    u.name = r.name().trim();
    u.email = r.email() == null || r.email().isBlank() ? null : r.email().trim();
    u.createdAt = clock.instant();
    units.persist(u);
    var rec = journal.on(actor, null, "UNIT", u.code);
    rec.change("CREATE", "name", null, u.name);
    rec.change("CREATE", "email", null, u.email);
    return UnitView.of(u);
  }

  /** Creates the unit when missing (catalogue loading); returns whether it did. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean ensureUnit(String code, String name, String email, Actor actor) {
    if (units.findByIdOptional(code).isPresent()) {
      return false;
    }
    createUnit(new CreateUnitRequest(code, name, email), actor);
    return true;
  }

  /** Creates the account when missing (bootstrap and demo accounts); returns whether it did. */
  @Transactional
  public boolean ensureUser(String username, String password, Role role, String unit, Actor actor) {
    if (users.findByUsername(username).isPresent()) {
      return false;
    }
    List<String> weak = policy.problems(username, password);
    if (!weak.isEmpty()) {
      // bootstrap and demo accounts are the operator's choice: said loudly, not refused
      org.jboss.logging.Logger.getLogger(IdentityService.class)
          .warnf("The password given for %s does not meet the password policy (%s): change it", username, String.join("; ", weak));
    }
    UserAccount u = add(username, password, role, unit);
    var rec = journal.on(actor, null, "USER", u.username);
    rec.change("CREATE", "role", null, u.role);
    rec.change("CREATE", "unit", null, u.unitCode);
    return true;
  }

  public long userCount() {
    return users.count();
  }

  @Transactional
  public List<String> unitCodes() {
    return units.listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(u -> u.code).toList();
  }

  private UserAccount add(String username, String password, Role role, String unit) {
    UserAccount u = new UserAccount();
    u.username = username;
    u.passwordHash = BcryptUtil.bcryptHash(password);
    u.role = role.name();
    u.unitCode = role == Role.REPORTER ? unit : null;
    u.createdAt = clock.instant();
    users.persist(u);
    return u;
  }
}

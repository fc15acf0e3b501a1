package org.duban.identity;

import org.duban.platform.Role;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.duban.audit.Journal;
import org.duban.identity.dto.CreateUserRequest;
import org.duban.identity.dto.UserView;
import org.duban.platform.Actor;
import org.duban.platform.Page;
import org.duban.platform.PageRequest;
import org.duban.platform.ProblemException;

/**
 * Accounts: create, list, lock and unlock, passwords (change, reset, policy), the second factor
 * cleared, the bootstrap and demo accounts. Passwords are stored as bcrypt hashes; who may act on
 * which account is {@link Role#administers}; every change is journaled. Units are {@link UnitService}'s.
 *
 * <p>Past 250 lines on purpose: every change to an account passes here, so the separation of
 * duties ({@link #requireAdministers}) and the password policy are checked in one place.
 */
@ApplicationScoped
public class IdentityService {

  private final UserRepository users;
  private final UnitRepository units;
  private final Regions regions;
  private final Journal journal;
  private final Clock clock;

  private final PasswordPolicy policy;
  private final Sessions sessions;
  private final SecondFactor secondFactor;
  private final Clock wall;
  private final ApiTokens tokens;

  public IdentityService(UserRepository users, UnitRepository units, Regions regions, Journal journal, Clock clock, PasswordPolicy policy,
      Sessions sessions, SecondFactor secondFactor, @org.duban.platform.WallClock Clock wall, ApiTokens tokens) {
    this.tokens = tokens;
    this.policy = policy;
    this.sessions = sessions;
    this.secondFactor = secondFactor;
    this.wall = wall;
    this.users = users;
    this.units = units;
    this.regions = regions;
    this.journal = journal;
    this.clock = clock;
  }

  @Transactional
  public Page<UserView> users(PageRequest page) {
    var query = users.find("order by username");
    long total = query.count();
    return new Page<>(views(query.page(page.page, page.size).list()), page.page, page.size, total);
  }

  /** A page of the accounts of these kinds only (an administrator's page lists the ones it keeps). */
  @Transactional
  public Page<UserView> users(java.util.Collection<Role> roles, PageRequest page) {
    return users(roles, null, page);
  }

  /** As above, the user names containing {@code q} (any case) when it is given. */
  @Transactional
  public Page<UserView> users(java.util.Collection<Role> roles, String q, PageRequest page) {
    String like = q == null || q.isBlank() ? "%"
        : "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    var query = users.find("role in ?1 and lower(username) like ?2 escape '\\' order by username",
        roles.stream().map(Role::name).toList(), like);
    long total = query.count();
    return new Page<>(views(query.page(page.page, page.size).list()), page.page, page.size, total);
  }

  @Transactional
  public UserView createUser(CreateUserRequest r, Actor actor) {
    requireAdministers(actor, r.role(), "create");
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
    String region = regionOf(r.role(), r.unit(), r.region()).orElse(null);
    requireGood("password", r.username(), r.password());
    UserAccount u = add(r.username(), r.password(), r.role(), r.unit());
    u.regionCode = region;
    var rec = journal.on(actor, null, "USER", u.username);
    rec.change("CREATE", "role", null, u.role);
    rec.change("CREATE", "unit", null, u.unitCode);
    rec.change("CREATE", "region", null, u.regionCode);
    users.flush();
    return view(u);
  }

  /**
   * The region an account of this role and unit gets when it asks for {@code region} (empty: the
   * whole province), or the reason it may not: only OFFICE, LEADER and REPORTER accounts carry one,
   * it must exist, and a REPORTER's defaults to its unit's region and must contain it.
   */
  public java.util.Optional<String> regionOf(Role role, String unit, String region) {
    if (region != null && !Role.BUSINESS.contains(role)) {
      throw ProblemException.invalid("region", "only an OFFICE, LEADER or REPORTER account has a region");
    }
    if (region != null && regions.region(region).isEmpty()) {
      throw ProblemException.invalid("region", "unknown region " + region);
    }
    if (role != Role.REPORTER || unit == null) {
      return java.util.Optional.ofNullable(region);
    }
    String unitRegion = units.findByIdOptional(unit).map(x -> x.regionCode).orElse(null);
    if (region == null || unitRegion == null) {
      return java.util.Optional.ofNullable(region == null ? unitRegion : region);
    }
    if (!regions.contains(region, unitRegion)) {
      throw ProblemException.invalid("region", "must contain the region of unit " + unit + " (" + unitRegion + ")");
    }
    return java.util.Optional.of(region);
  }

  /** What is wrong with this password for this user (empty: nothing): the policy of every password. */
  public List<String> passwordProblems(String username, String password) {
    return password == null ? List.of("must not be blank") : policy.problems(username, password);
  }

  /**
   * An account from an import file (AccountImport has checked the row with the rules of
   * {@link #createUser}): created as by POST /users, then it must change its password at first sign-in.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void createImportedUser(CreateUserRequest r, Actor actor) {
    createUser(r, actor);
    UserAccount u = users.findByUsername(r.username()).orElseThrow();
    setPassword(u, r.password(), true);
    journal.on(actor, null, "USER", u.username).action("IMPORT", "must change the password at first sign-in");
  }

  /** An account with its state: locked (by whom, why), locked out after failures, second factor. */
  private UserView view(UserAccount u) {
    return views(List.of(u)).get(0);
  }

  /** The same for a page of accounts, their state read in one query. */
  private List<UserView> views(List<UserAccount> accounts) {
    if (accounts.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<jakarta.persistence.Tuple> rows = users.getEntityManager().createNativeQuery(
            "select username, disabled_at, disabled_by, disabled_reason, locked_until, totp_secret is not null as totp,"
                + " must_change_password from app_user where username in (?1)", jakarta.persistence.Tuple.class)
        .setParameter(1, accounts.stream().map(u -> u.username).toList()).getResultList();
    java.util.Map<String, jakarta.persistence.Tuple> byName = new java.util.HashMap<>();
    rows.forEach(t -> byName.put(t.get("username", String.class), t));
    java.time.Instant now = wall.instant();
    return accounts.stream().map(u -> {
      jakarta.persistence.Tuple t = byName.get(u.username);
      java.time.Instant lockedUntil = org.duban.platform.SqlValues.instant(t.get("locked_until"));
      return new UserView(u.username, u.role, u.unitCode, u.regionCode, u.createdAt, t.get("disabled_at") != null,
          t.get("disabled_by", String.class), t.get("disabled_reason", String.class),
          lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : null,
          Boolean.TRUE.equals(t.get("totp")), Boolean.TRUE.equals(t.get("must_change_password")));
    }).toList();
  }

  /** Logout: every session of the account made until now is refused from now on, forever (journaled and audited). */
  @Transactional
  public void signedOut(Actor actor) {
    sessions.endAll(actor.username());
    journal.on(actor, null, "USER", actor.username()).action("LOGOUT", "every session of the account ends");
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
    journal.on(actor, null, "USER", u.username).action("PASSWORD_CHANGE", "every session made before ends");
  }

  /**
   * An administrator sets a new password; the user must change it at the next login, and every
   * session of the account ends. Only for the kinds of account the administrator keeps (三员分立).
   */
  @Transactional
  public void resetPassword(String username, String newPassword, Actor actor) {
    UserAccount u = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("There is no user " + username + "."));
    requireAdministers(actor, Role.valueOf(u.role), "reset the password of");
    requireGood("newPassword", u.username, newPassword);
    setPassword(u, newPassword, true);
    journal.on(actor, null, "USER", u.username).action("PASSWORD_RESET", "must change at next login; every session and token ends");
    tokens.revokeAll(u.username, actor, "password reset");
  }

  /**
   * The security administrator locks an account: no sign-in, no session, no token until unlocked;
   * every session made until now ends for good. Not for a security administrator's account.
   */
  @Transactional
  public UserView lock(String username, String reason, Actor actor) {
    UserAccount u = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("There is no user " + username + "."));
    if (!Role.valueOf(actor.role()).locks(Role.valueOf(u.role))) {
      throw ProblemException.forbidden("A " + actor.role() + " may not lock a " + u.role + " account.");
    }
    var em = users.getEntityManager();
    int changed = em.createNativeQuery("update app_user set disabled_at = ?2, disabled_by = ?3, disabled_reason = ?4"
            + " where username = ?1 and disabled_at is null")
        .setParameter(1, username).setParameter(2, wall.instant()).setParameter(3, actor.username()).setParameter(4, reason)
        .executeUpdate();
    sessions.endAll(username);
    tokens.revokeAll(username, actor, "account locked");
    if (changed == 1) {
      var rec = journal.on(actor, null, "USER", username);
      rec.change("LOCK", "locked", false, true);
      rec.change("LOCK", "lockReason", null, reason);
    }
    return user(username);
  }

  /** The security administrator unlocks an account: its own lock and the automatic lockout end. */
  @Transactional
  public UserView unlock(String username, Actor actor) {
    UserAccount u = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("There is no user " + username + "."));
    if (!Role.valueOf(actor.role()).locks(Role.valueOf(u.role))) {
      throw ProblemException.forbidden("A " + actor.role() + " may not unlock a " + u.role + " account.");
    }
    int changed = users.getEntityManager()
        .createNativeQuery("update app_user set disabled_at = null, disabled_by = null, disabled_reason = null, failed_logins = 0,"
            + " locked_until = null where username = ?1 and (disabled_at is not null or locked_until is not null or failed_logins > 0)")
        .setParameter(1, username).executeUpdate();
    if (changed == 1) {
      journal.on(actor, null, "USER", username).change("UNLOCK", "locked", true, false);
    }
    return user(username);
  }

  /** An administrator clears a user's second factor (a lost phone); same kinds as a password reset. */
  @Transactional
  public void clearSecondFactor(String username, Actor actor) {
    UserAccount u = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("There is no user " + username + "."));
    requireAdministers(actor, Role.valueOf(u.role), "clear the second factor of");
    secondFactor.clear(username, actor);
    tokens.revokeAll(username, actor, "second factor cleared");
  }

  @Transactional
  public UserView user(String username) {
    return users.findByUsername(username).map(this::view)
        .orElseThrow(() -> ProblemException.notFound("There is no user " + username + "."));
  }

  /** 403 unless the actor's role keeps accounts of this kind (see {@link Role#administers()}). */
  private static void requireAdministers(Actor actor, Role target, String what) {
    Role role = actor.role() == null ? null : Role.valueOf(actor.role());
    if (role == null || !role.administers().contains(target)) {
      throw ProblemException.forbidden("A " + actor.role() + " may not " + what + " a " + target + " account"
          + (role == Role.ADMIN ? ": the security administrator keeps the privileged accounts." : "."));
    }
  }

  private void setPassword(UserAccount u, String password, boolean mustChange) {
    u.passwordHash = BcryptUtil.bcryptHash(password);
    users.flush();
    users.getEntityManager()
        .createNativeQuery("update app_user set password_changed_at = ?3, must_change_password = ?2, failed_logins = 0,"
            + " locked_until = null where username = ?1")
        .setParameter(1, u.username)
        .setParameter(2, mustChange)
        .setParameter(3, wall.instant())
        .executeUpdate();
    sessions.endAll(u.username);
  }

  private void requireGood(String field, String username, String password) {
    List<String> problems = policy.problems(username, password);
    if (!problems.isEmpty()) {
      throw new ProblemException(400, "Invalid request", "The password does not meet the password policy.",
          problems.stream().map(m -> new org.duban.platform.Problem.FieldError(field, m)).toList());
    }
  }

  /**
   * Creates the account when missing (bootstrap and demo accounts); returns whether it did. A
   * bootstrap account must change its password at first sign-in (the password was in a setting);
   * a demo account is marked so that demo mode may exempt it from the second factor.
   */
  @Transactional
  public boolean ensureUser(String username, String password, Role role, String unit, boolean bootstrap, boolean demo, Actor actor) {
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
    users.flush();
    users.getEntityManager().createNativeQuery("update app_user set must_change_password = ?2, demo = ?3 where username = ?1")
        .setParameter(1, username).setParameter(2, bootstrap).setParameter(3, demo).executeUpdate();
    var rec = journal.on(actor, null, "USER", u.username);
    rec.change("CREATE", "role", null, u.role);
    rec.change("CREATE", "unit", null, u.unitCode);
    return true;
  }

  /** Puts a demo account in a region (the sample city accounts of TRACKER_DEMO_SAMPLE_TASKS), journaled. */
  @Transactional
  public void demoRegion(String username, String region, Actor actor) {
    UserAccount u = users.findByUsername(username).orElseThrow();
    if (!java.util.Objects.equals(u.regionCode, region)) {
      journal.on(actor, null, "USER", u.username).change("UPDATE", "region", u.regionCode, region);
      u.regionCode = region;
    }
  }

  /** Whether an account of this role exists (the security administrator's bootstrap). */
  public boolean anyWithRole(Role role) {
    return users.count("role", role.name()) > 0;
  }

  public long userCount() {
    return users.count();
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

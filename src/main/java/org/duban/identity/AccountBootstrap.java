package org.duban.identity;

import org.duban.platform.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.platform.Actor;
import org.duban.platform.TrackerConfig;
import org.jboss.logging.Logger;

/**
 * Creates the bootstrap accounts: {@code admin} (TRACKER_BOOTSTRAP_ADMIN_PASSWORD, when no user
 * exists) and {@code security} (TRACKER_BOOTSTRAP_SECURITY_PASSWORD, when no security administrator
 * exists); both must change that password at their first sign-in, and enrol a second factor. In
 * demo mode, the demo accounts: office, leader, auditor, security and reporter-&lt;unit&gt; for every
 * unit (and admin when no bootstrap password is set), all with the demo password.
 */
@ApplicationScoped
public class AccountBootstrap {

  private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);
  static final String DEMO_WITHOUT_PASSWORD =
      "Demo mode (TRACKER_DEMO_ENABLED=true) needs TRACKER_DEMO_PASSWORD: set it to the password of the demo accounts.";

  private final IdentityService identity;
  private final UnitService units;
  private final TrackerConfig config;

  public AccountBootstrap(IdentityService identity, UnitService units, TrackerConfig config) {
    this.units = units;
    this.identity = identity;
    this.config = config;
  }

  /** Runs before anything else: demo mode without its password must not start at all. */
  void check(@Observes @Priority(1) StartupEvent event) {
    if (config.demo().enabled() && config.demo().password().filter(p -> !p.isBlank()).isEmpty()) {
      throw new IllegalStateException(DEMO_WITHOUT_PASSWORD);
    }
  }

  /**
   * Runs after the catalogue is loaded, so that every unit gets its reporter. Instances starting at
   * once on one database take turns (an advisory lock held to the end of this transaction): the
   * later ones find the accounts made and make none twice.
   */
  @jakarta.transaction.Transactional
  void onStart(@Observes @Priority(20) StartupEvent event) {
    units.lockForBootstrap();
    Actor system = Actor.system("bootstrap");
    boolean firstStart = identity.userCount() == 0;
    config
        .bootstrapAdminPassword()
        .filter(p -> !p.isBlank())
        .ifPresent(
            password -> {
              if (firstStart) {
                identity.ensureUser("admin", password, Role.ADMIN, null, true, false, system);
                LOG.info("Created the bootstrap account admin (ADMIN): it changes its password and enrols a second factor at first sign-in");
              }
            });
    config
        .bootstrapSecurityPassword()
        .filter(p -> !p.isBlank())
        .ifPresent(
            password -> {
              if (!identity.anyWithRole(Role.SECURITY)) {
                identity.ensureUser("security", password, Role.SECURITY, null, true, false, system);
                LOG.info("Created the bootstrap account security (SECURITY): it changes its password and enrols a second factor at first sign-in");
              }
            });
    if (!config.demo().enabled()) {
      if (!identity.anyWithRole(Role.SECURITY)) {
        LOG.warn("There is no security administrator: set TRACKER_BOOTSTRAP_SECURITY_PASSWORD to create one (it creates the"
            + " audit administrator and keeps the administrators' accounts, locks and resets)");
      }
      return;
    }
    String password = config.demo().password().orElseThrow();
    int created = 0;
    // Without a bootstrap password, demo mode also needs someone to manage accounts and units.
    if (config.bootstrapAdminPassword().filter(p -> !p.isBlank()).isEmpty()) {
      created += identity.ensureUser("admin", password, Role.ADMIN, null, false, true, system) ? 1 : 0;
    }
    if (config.bootstrapSecurityPassword().filter(p -> !p.isBlank()).isEmpty()) {
      created += identity.ensureUser("security", password, Role.SECURITY, null, false, true, system) ? 1 : 0;
    }
    created += identity.ensureUser("office", password, Role.OFFICE, null, false, true, system) ? 1 : 0;
    created += identity.ensureUser("leader", password, Role.LEADER, null, false, true, system) ? 1 : 0;
    created += identity.ensureUser("auditor", password, Role.AUDITOR, null, false, true, system) ? 1 : 0;
    for (String unit : units.unitCodes()) {
      created += identity.ensureUser("reporter-" + unit, password, Role.REPORTER, unit, false, true, system) ? 1 : 0;
    }
    if (config.demo().sampleTasks()) {
      // the sample city (济南): its office and its leader see 370100 and below
      for (Role role : new Role[] {Role.OFFICE, Role.LEADER}) {
        String name = role.name().toLowerCase() + "-370100";
        created += identity.ensureUser(name, password, role, null, false, true, system) ? 1 : 0;
        identity.demoRegion(name, "370100", system);
      }
    }
    LOG.infof("Demo mode: %d demo accounts created", created);
  }
}

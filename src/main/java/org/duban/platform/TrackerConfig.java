package org.duban.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Every application setting (prefix {@code tracker}); each one also reads from its TRACKER_* variable. */
@ConfigMapping(prefix = "tracker")
public interface TrackerConfig {

  /** TRACKER_CLOCK_FIXED: an ISO-8601 instant that fixes "now" for demos and tests. */
  Optional<Instant> clockFixed();

  /** TRACKER_ZONE: the zone of every business date. */
  @WithDefault("Asia/Shanghai")
  ZoneId zone();

  /** TRACKER_BOOTSTRAP_ADMIN_PASSWORD: creates user {@code admin} when no user exists. */
  Optional<String> bootstrapAdminPassword();

  /** TRACKER_BOOTSTRAP_SECURITY_PASSWORD: creates user {@code security} (SECURITY) when no security administrator exists. */
  Optional<String> bootstrapSecurityPassword();

  Catalogue catalogue();

  Login login();

  /** TRACKER_STAFF_RATE_LIMIT: requests a minute per client address on every staff route (API, pages, login), before anyone is authenticated; 0 turns it off. */
  @WithDefault("1200")
  int staffRateLimit();

  /** TRACKER_OPENAPI_PUBLIC: also serve /q/openapi on the main port (default: on in demo mode, off otherwise). */
  Optional<Boolean> openapiPublic();

  Sessions sessions();

  Tokens tokens();

  Audit audit();

  Evidence evidence();

  /** Evidence files (issue 15). */
  interface Evidence {
    /** TRACKER_EVIDENCE_MAX_MB: the largest evidence file taken, in MiB (the HTTP limit follows it). */
    @WithDefault("20")
    int maxMb();
  }

  /** Staff page sessions (server-side). */
  interface Sessions {
    /** TRACKER_SESSIONS_IDLE_MINUTES: a page session ends after this long without a request. */
    @WithDefault("15")
    int idleMinutes();

    /** TRACKER_SESSIONS_MAX_HOURS: and at the latest this long after sign-in. */
    @WithDefault("12")
    int maxHours();
  }

  /** Personal API tokens. */
  interface Tokens {
    /** TRACKER_TOKENS_MAX_DAYS: the longest lifetime a token may be given (and the default). */
    @WithDefault("365")
    int maxDays();
  }

  /** The audit trail's anchor outside the database. */
  interface Audit {
    /** TRACKER_AUDIT_KEY: keys the checkpoints of the audit chain; never stored in the database (32+ characters). */
    Optional<String> key();

    /** TRACKER_AUDIT_CHECKPOINT_EVERY: how often the chain's head is checkpointed (e.g. 10m, 1h). */
    @WithDefault("10m")
    String checkpointEvery();
  }

  /** Login protection. */
  interface Login {
    /** TRACKER_LOGIN_MAX_FAILURES: consecutive failed logins that lock an account. */
    @WithDefault("5")
    int maxFailures();

    /** TRACKER_LOGIN_LOCK_MINUTES: how long a locked account stays locked. */
    @WithDefault("15")
    int lockMinutes();

    /** TRACKER_LOGIN_PASSWORD_MAX_AGE_DAYS: a password older than this only allows changing it (0: never expires). */
    @WithDefault("90")
    int passwordMaxAgeDays();

    /** TRACKER_LOGIN_MAX_FAILURES_PER_ADDRESS: failed logins from one client address in 10 minutes before its logins are refused. */
    @WithDefault("20")
    int maxFailuresPerAddress();
  }

  Demo demo();

  /**
   * TRACKER_MAX_BODY_SIZE: the largest request body (JSON) the API reads; a catalogue import may be
   * as large as TRACKER_IMPORT_MAX_SIZE, an evidence file TRACKER_EVIDENCE_MAX_MB (all within
   * quarkus.http.limits.max-body-size, QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE, 64M).
   */
  @WithDefault("64K")
  io.quarkus.runtime.configuration.MemorySize maxBodySize();

  /** TRACKER_IMPORT_MAX_SIZE: the largest catalogue file (CSV or XLSX) an import reads. */
  @WithDefault("10M")
  io.quarkus.runtime.configuration.MemorySize importMaxSize();

  /** TRACKER_PUBLIC_MAX_AGE: seconds a public response may be kept (Cache-Control max-age, and the server's own cache). */
  @WithDefault("10")
  int publicMaxAge();

  /**
   * TRACKER_TRUSTED_PROXIES: addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is
   * believed (rate limits and the journal then see the client's address); none by default.
   */
  Optional<java.util.List<String>> trustedProxies();

  /**
   * TRACKER_PUBLIC_BASE_URL: the address the public reaches the service at (e.g.
   * https://duban.example.gov.cn/); every absolute link starts with it, never with the request's
   * Host header. Checked at start by {@link PublicBaseUrl}; unset: http://localhost:&lt;port&gt;/.
   */
  Optional<String> publicBaseUrl();

  /** TRACKER_PUBLIC_RATE_LIMIT: requests a minute per client on the public API; 0 turns it off. */
  @WithDefault("120")
  int publicRateLimit();

  /** TRACKER_SCAN_CRON: when the overdue scan runs; {@code off} disables the timer. */
  @WithDefault("0 5 0 * * ?")
  String scanCron();

  Light light();

  Rounds rounds();

  Notices notices();

  Scan scan();

  /** Dispatch rounds (调度): one reporting window a month. */
  interface Rounds {
    /** TRACKER_ROUNDS_CLOSING_DAY: the day of the month a window closes (1-28; 31 = the month's last day). */
    @WithDefault("25")
    int closingDay();
  }

  /** The reminder ladder (催办). */
  interface Notices {
    /** TRACKER_NOTICES_REMINDER_DAYS: a reminder this many days before a deadline or a window's close. */
    @WithDefault("3")
    int reminderDays();

    /** TRACKER_NOTICES_BULLETIN_AFTER_DAYS: a bulletin to leadership when overdue by more days. */
    @WithDefault("30")
    int bulletinAfterDays();

    /** TRACKER_NOTICES_LEADERSHIP_EMAIL: where bulletins (通报) go. */
    Optional<String> leadershipEmail();

    /** TRACKER_NOTICES_SMTP: send by SMTP (default: when QUARKUS_MAILER_HOST is set); else log. */
    Optional<Boolean> smtp();

    /** TRACKER_NOTICES_MAX_ATTEMPTS: delivery attempts before a notice is FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** TRACKER_NOTICES_DELIVERY_EVERY: how often the outbox is swept for retries (e.g. 30s, 5m). */
    @WithDefault("30s")
    String deliveryEvery();

    /** TRACKER_NOTICES_RETRY_SECONDS: wait before the first retry; doubles each time. */
    @WithDefault("60")
    int retrySeconds();
  }

  interface Scan {
    /** TRACKER_SCAN_ON_START: scan at start when no scan has run today (catch-up after downtime). */
    @WithDefault("true")
    boolean onStart();

    /** TRACKER_SCAN_TIMEOUT_SECONDS: the scan's transaction timeout (a first scan of 10^6 measures takes minutes). */
    @WithDefault("1800")
    int timeoutSeconds();
  }

  interface Catalogue {
    /** TRACKER_CATALOGUE_LOAD: load the demo catalogue when the database has no measures. */
    @WithDefault("true")
    boolean load();

    /** TRACKER_CATALOGUE_RESOURCE: the classpath resource holding the catalogue (CSV in the import format). */
    @WithDefault("catalogue/demo-catalogue.csv")
    String resource();

    /** TRACKER_CATALOGUE_UNITS_RESOURCE: the classpath resource with the units it names (CSV: code, name, email). */
    @WithDefault("catalogue/demo-units.csv")
    String unitsResource();
  }

  interface Demo {
    /** TRACKER_DEMO_ENABLED: create the demo accounts. */
    @WithDefault("false")
    boolean enabled();

    /** TRACKER_DEMO_PASSWORD: the password of every demo account; required in demo mode. */
    Optional<String> password();

    /**
     * TRACKER_DEMO_SAMPLE_TASKS: add illustrative local tasks (J05 for each city, with its city
     * court) marked sample: true and 示例数据; off by default — the transcript names no local task.
     */
    @io.smallrye.config.WithName("sample-tasks")
    @WithDefault("false")
    boolean sampleTasks();
  }

  /** The warning-light rule's thresholds (published by GET /api/v1/public/rules). */
  interface Light {
    /** TRACKER_LIGHT_NEAR_DEADLINE_DAYS: yellow when the deadline is this many days away or fewer. */
    @WithDefault("15")
    int nearDeadlineDays();

    /** TRACKER_LIGHT_LAG_POINTS: yellow when progress lags the elapsed share of time by more points. */
    @WithDefault("25")
    int lagPoints();
  }
}

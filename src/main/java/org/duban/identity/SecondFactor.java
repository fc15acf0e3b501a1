package org.duban.identity;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.duban.audit.Journal;
import org.duban.identity.dto.TotpEnrolment;
import org.duban.platform.Actor;
import org.duban.platform.ProblemException;
import org.duban.platform.WallClock;

/**
 * The second factor: TOTP (RFC 6238; SHA-1, 6 digits, 30 s, what every authenticator app speaks),
 * computed by java-otp. Enrolment is two steps: a new secret is kept pending until the user proves
 * the app has it by sending one of its codes. A code counts for the step it belongs to (one step
 * either side is accepted, for clocks that drift) and only once: the last step used is kept.
 * Codes follow real time, never TRACKER_CLOCK_FIXED.
 */
@ApplicationScoped
public class SecondFactor {

  static final long STEP_SECONDS = 30;
  private static final String ISSUER = "Duban";

  private final EntityManager em;
  private final Journal journal;
  private final Sessions sessions;
  private final Clock clock;
  private final HmacOneTimePasswordGenerator hotp = new HmacOneTimePasswordGenerator(6);
  private final SecureRandom random = new SecureRandom();

  public SecondFactor(EntityManager em, Journal journal, Sessions sessions, @WallClock Clock clock) {
    this.em = em;
    this.journal = journal;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** A new secret for the user, pending until confirmed (a second call replaces it). */
  @Transactional
  public TotpEnrolment begin(Actor user) {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    String secret = new Base32().encodeToString(bytes).replace("=", "");
    em.createNativeQuery("update app_user set totp_pending_secret = ?2 where username = ?1")
        .setParameter(1, user.username()).setParameter(2, secret).executeUpdate();
    journal.on(user, null, "USER", user.username()).action("TOTP_BEGIN", null);
    return new TotpEnrolment(secret, uri(user.username(), secret));
  }

  /**
   * The app has the secret: it becomes the account's second factor, and every session of the
   * account ends (they were made without it); the page that confirmed it makes the browser a new one.
   */
  @Transactional
  public void confirm(Actor user, String code) {
    Tuple row = row(user.username());
    String pending = row.get("totp_pending_secret", String.class);
    if (pending == null) {
      throw ProblemException.conflict("There is no enrolment to confirm: start one first (POST /api/v1/me/totp).");
    }
    long step = matchingStep(pending, code, -1);
    if (step < 0) {
      throw ProblemException.invalid("code", "is not the code your authenticator shows now (check its clock)");
    }
    em.createNativeQuery("update app_user set totp_secret = totp_pending_secret, totp_pending_secret = null,"
            + " totp_enrolled_at = ?2, totp_last_step = ?3 where username = ?1")
        .setParameter(1, user.username()).setParameter(2, clock.instant()).setParameter(3, step).executeUpdate();
    sessions.endAll(user.username());
    journal.on(user, null, "USER", user.username()).action("TOTP_ENROL", null);
  }

  /** Whether the code is the account's current one, not used before; a right code is used up. */
  @Transactional
  public boolean check(String username, String code) {
    List<Tuple> rows = rows(username);
    if (rows.isEmpty() || rows.get(0).get("totp_secret", String.class) == null) {
      return false;
    }
    Number last = (Number) rows.get(0).get("totp_last_step");
    long step = matchingStep(rows.get(0).get("totp_secret", String.class), code, last == null ? -1 : last.longValue());
    if (step < 0) {
      return false;
    }
    // the step only moves forward: two requests racing with one code cannot both pass
    int moved = em.createNativeQuery("update app_user set totp_last_step = ?2 where username = ?1"
            + " and (totp_last_step is null or totp_last_step < ?2)")
        .setParameter(1, username).setParameter(2, step).executeUpdate();
    return moved == 1;
  }

  /** An administrator clears a user's second factor (a lost phone): the user enrols again at the next sign-in. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void clear(String username, Actor admin) {
    em.createNativeQuery("update app_user set totp_secret = null, totp_pending_secret = null, totp_enrolled_at = null,"
            + " totp_last_step = null where username = ?1")
        .setParameter(1, username).executeUpdate();
    sessions.endAll(username);
    journal.on(admin, null, "USER", username).action("TOTP_CLEAR", "enrols again at the next sign-in");
  }

  /** The step the code belongs to (now, or one step either side) if after {@code notBefore}; -1 if none. */
  private long matchingStep(String secret, String code, long notBefore) {
    if (code == null || !code.strip().matches("\\d{6}")) {
      return -1;
    }
    String c = code.strip();
    long now = clock.instant().getEpochSecond() / STEP_SECONDS;
    SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), "RAW");
    for (long step = now - 1; step <= now + 1; step++) {
      if (step <= notBefore) {
        continue;
      }
      try {
        if (hotp.generateOneTimePasswordString(key, step, Locale.ROOT).equals(c)) {
          return step;
        }
      } catch (InvalidKeyException e) {
        throw new IllegalStateException(e);
      }
    }
    return -1;
  }

  private Tuple row(String username) {
    List<Tuple> rows = rows(username);
    if (rows.isEmpty()) {
      throw ProblemException.notFound("There is no account " + username + ".");
    }
    return rows.get(0);
  }

  @SuppressWarnings("unchecked")
  private List<Tuple> rows(String username) {
    return em.createNativeQuery("select totp_secret, totp_pending_secret, totp_last_step from app_user where username = ?1", Tuple.class)
        .setParameter(1, username).getResultList();
  }

  static String uri(String username, String secret) {
    String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
  }
}

package org.duban.support;

import java.io.File;

/**
 * Whether the browser test runs: always where Chromium and chromedriver are installed; without them
 * it fails in CI (CI=true, as .ci/run exports) and is skipped, with the reason, on a developer's
 * machine.
 */
public final class BrowserAvailability {

  public enum Decision { RUN, SKIP, FAIL }

  public static final String CHROMIUM = System.getProperty("browser.binary", "/usr/bin/chromium");
  public static final String DRIVER = System.getProperty("browser.driver", "/usr/bin/chromedriver");
  public static final String SKIP_REASON =
      "no Chromium or chromedriver here (apt-get install chromium chromium-driver); skipped outside CI, a failure with CI=true";

  private BrowserAvailability() {}

  public static Decision decide(String ciEnv, boolean browserPresent) {
    if (browserPresent) {
      return Decision.RUN;
    }
    return "true".equalsIgnoreCase(ciEnv == null ? null : ciEnv.trim()) ? Decision.FAIL : Decision.SKIP;
  }

  public static boolean browserPresent() {
    return new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
  }

  /** For {@code @DisabledIf}: true when this machine skips the browser test. */
  public static boolean skipHere() {
    return decide(System.getenv("CI"), browserPresent()) == Decision.SKIP;
  }
}

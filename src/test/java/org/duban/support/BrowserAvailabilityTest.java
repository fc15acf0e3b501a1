package org.duban.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.BrowserAvailability.Decision.FAIL;
import static org.duban.support.BrowserAvailability.Decision.RUN;
import static org.duban.support.BrowserAvailability.Decision.SKIP;
import static org.duban.support.BrowserAvailability.decide;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The browser test always runs where Chromium is; without it CI fails and a developer skips. */
@Tag("unit")
class BrowserAvailabilityTest {

  @Test
  void withChromiumItRunsEverywhere() {
    assertThat(decide("true", true)).isEqualTo(RUN);
    assertThat(decide(null, true)).isEqualTo(RUN);
    assertThat(decide("false", true)).isEqualTo(RUN);
  }

  @Test
  void withoutChromiumCiFails() {
    assertThat(decide("true", false)).isEqualTo(FAIL);
    assertThat(decide("TRUE", false)).isEqualTo(FAIL);
    assertThat(decide(" true ", false)).isEqualTo(FAIL);
  }

  @Test
  void withoutChromiumADeveloperSkips() {
    assertThat(decide(null, false)).isEqualTo(SKIP);
    assertThat(decide("", false)).isEqualTo(SKIP);
    assertThat(decide("false", false)).isEqualTo(SKIP);
    assertThat(decide("1", false)).isEqualTo(SKIP);
  }
}

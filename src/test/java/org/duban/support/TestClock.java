package org.duban.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's one Clock, made settable for tests: the system clock until a test sets an
 * instant, and again after {@link #reset()}.
 */
public class TestClock extends Clock {

  private static volatile Instant fixed;

  public static void set(String instant) {
    fixed = Instant.parse(instant);
  }

  public static void reset() {
    fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant f = fixed;
    return f != null ? f : Instant.now();
  }

  /** Replaces ClockProducer's clock in the test JVM. */
  public static class Producer {
    @Produces
    @Singleton
    @Alternative
    @Priority(10)
    Clock clock() {
      return new TestClock();
    }
  }
}

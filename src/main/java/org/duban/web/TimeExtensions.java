package org.duban.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.duban.platform.BusinessCalendar;

/** {@code {instant.local}} in a template: the instant in the business zone, to the minute. */
@TemplateExtension
final class TimeExtensions {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private TimeExtensions() {}

  static String local(Instant instant) {
    if (instant == null) {
      return "";
    }
    return MINUTE.format(instant.atZone(Arc.container().instance(BusinessCalendar.class).get().zone()));
  }
}

package io.handoff.intent.llm;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses an HTTP Retry-After header: delay-seconds, or an HTTP date. */
final class RetryAfter {
  private RetryAfter() {}

  static Duration parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }
}

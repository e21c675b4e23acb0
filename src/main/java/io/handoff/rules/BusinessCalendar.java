package io.handoff.rules;

import java.time.Instant;

/**
 * Answers "is this instant within business hours?" for a named schedule from {@code workflows/}.
 * Trigger conditions use it; the SLA package implements it over its business-hours schedules.
 */
public interface BusinessCalendar {

  /** True when {@code at} falls within the named schedule's hours (null name = the default). */
  boolean isWithinBusinessHours(String scheduleName, Instant at);

  /** A calendar where every instant is within business hours (no schedules configured). */
  BusinessCalendar ALWAYS_OPEN = (name, at) -> true;
}

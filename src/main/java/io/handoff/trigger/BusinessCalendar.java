package io.handoff.trigger;

import java.time.Instant;

/**
 * Answers "is this instant within business hours?" for a named schedule from {@code workflows/}.
 * Trigger conditions use it; the SLA package implements it over its business-hours schedules.
 */
public interface BusinessCalendar {

  /** True when {@code at} falls within the named schedule's hours (null name = the default). */
  boolean isWithinBusinessHours(String scheduleName, Instant at);

  /**
   * The name of the schedule a ticket is measured against, given its custom field {@code schedule}
   * (null or empty when no schedule was set on it): the support-trigger condition {@code schedule_id}
   * reads it. Calendars without schedules answer the field as it is (null when empty).
   */
  default String scheduleOf(String ticketSchedule) {
    return ticketSchedule == null || ticketSchedule.isEmpty() ? null : ticketSchedule;
  }

  /** The ticket custom field naming the ticket's schedule (see {@link #scheduleOf}). */
  String TICKET_SCHEDULE_FIELD = "schedule";

  /** A calendar where every instant is within business hours (no schedules configured). */
  BusinessCalendar ALWAYS_OPEN = (name, at) -> true;
}

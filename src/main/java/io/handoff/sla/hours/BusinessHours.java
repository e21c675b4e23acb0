package io.handoff.sla.hours;

import io.handoff.trigger.BusinessCalendar;
import java.time.Instant;
import java.util.Map;

/**
 * Every business-hours schedule of {@code workflows/business-hours.yaml}, with a default. Backs the
 * support-trigger condition "within business hours" ({@link BusinessCalendar}) and the SLA targets
 * measured in business hours. Immutable and serialisable.
 */
public record BusinessHours(String defaultSchedule, Map<String, BusinessSchedule> schedules)
    implements BusinessCalendar {

  public BusinessHours {
    schedules = Map.copyOf(schedules);
    if (!schedules.containsKey(defaultSchedule)) {
      throw new IllegalArgumentException("default schedule " + defaultSchedule + " is not defined");
    }
  }

  /** The named schedule, the default one for a null name; throws for an unknown name. */
  public BusinessSchedule schedule(String name) {
    BusinessSchedule s = schedules.get(name == null ? defaultSchedule : name);
    if (s == null) {
      throw new IllegalArgumentException("unknown business-hours schedule \"" + name + "\"");
    }
    return s;
  }

  /**
   * The schedule a ticket is measured against: the one named by its custom field {@code schedule}
   * (Zendesk's ticket schedule, set by the {@code set_schedule} action), else the default schedule.
   */
  public BusinessSchedule forTicket(java.util.Map<String, String> customFields) {
    String name = customFields == null ? null : customFields.get(TICKET_SCHEDULE_FIELD);
    return schedules.getOrDefault(name == null ? defaultSchedule : name, schedules.get(defaultSchedule));
  }

  /** True when a schedule of that name exists (for rule validation). */
  public boolean has(String name) {
    return schedules.containsKey(name);
  }

  /** The ticket's schedule when it names one of these schedules, else the default schedule (as {@link #forTicket}). */
  @Override
  public String scheduleOf(String ticketSchedule) {
    return ticketSchedule != null && schedules.containsKey(ticketSchedule) ? ticketSchedule : defaultSchedule;
  }

  /** A name that is no schedule (a ticket's schedule from Zendesk data) reads the default schedule. */
  @Override
  public boolean isWithinBusinessHours(String scheduleName, Instant at) {
    return schedules.getOrDefault(scheduleName == null ? defaultSchedule : scheduleName, schedules.get(defaultSchedule))
        .isWithin(at);
  }
}

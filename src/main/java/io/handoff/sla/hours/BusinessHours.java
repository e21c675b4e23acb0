package io.handoff.sla.hours;

import io.handoff.rules.BusinessCalendar;
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

  /** True when a schedule of that name exists (for rule validation). */
  public boolean has(String name) {
    return schedules.containsKey(name);
  }

  @Override
  public boolean isWithinBusinessHours(String scheduleName, Instant at) {
    return schedule(scheduleName).isWithin(at);
  }
}

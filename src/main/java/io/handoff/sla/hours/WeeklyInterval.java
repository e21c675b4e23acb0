package io.handoff.sla.hours;

import java.time.DayOfWeek;

/**
 * Open hours on one weekday, in the schedule's local time: [{@code startMinute}, {@code endMinute})
 * minutes after local midnight; {@code endMinute} 1440 means midnight at the end of the day.
 */
public record WeeklyInterval(DayOfWeek day, int startMinute, int endMinute) {

  public WeeklyInterval {
    if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
      throw new IllegalArgumentException("interval must satisfy 0 <= start < end <= 24:00");
    }
  }

  /** True when the two intervals are on the same day and share at least one minute. */
  public boolean overlaps(WeeklyInterval o) {
    return day == o.day && startMinute < o.endMinute && o.startMinute < endMinute;
  }
}

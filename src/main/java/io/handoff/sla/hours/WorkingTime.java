package io.handoff.sla.hours;

import java.time.Duration;
import java.time.Instant;

/**
 * How an SLA target's time is measured: calendar time, or the business hours of a schedule.
 * Implementations are pure (no clock), so workflow code may call them.
 */
public interface WorkingTime {

  /** The instant at which {@code d} of working time has elapsed after {@code start}. */
  Instant add(Instant start, Duration d);

  /** Working time between {@code a} and {@code b}; negative when {@code b} is before {@code a}. */
  Duration between(Instant a, Instant b);

  /** Every instant counts (calendar hours). */
  WorkingTime CALENDAR = new WorkingTime() {
    @Override
    public Instant add(Instant start, Duration d) {
      return start.plus(d);
    }

    @Override
    public Duration between(Instant a, Instant b) {
      return Duration.between(a, b);
    }
  };
}

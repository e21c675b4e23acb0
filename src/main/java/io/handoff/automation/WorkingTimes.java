package io.handoff.automation;

import io.handoff.sla.hours.WorkingTime;
import java.time.Duration;
import java.time.Instant;

/** Working-time arithmetic the SLA schedules do not offer: counting back from a target. */
final class WorkingTimes {
  /** How far back a search goes before the schedule is treated as having no open hours. */
  private static final Duration LIMIT = Duration.ofDays(3660);

  private WorkingTimes() {}

  /**
   * The earliest instant {@code t} (to the second) with at most {@code d} of working time between
   * {@code t} and {@code target}. Working time up to the target never grows as {@code t} moves later,
   * so a search by halving finds it: the gap below is widened until it holds more than {@code d}.
   */
  static Instant earliestWithAtMost(WorkingTime w, Instant target, Duration d) {
    Duration gap = d.plusDays(1);
    Instant lo = target.minus(gap);
    while (w.between(lo, target).compareTo(d) <= 0) {
      gap = gap.multipliedBy(2);
      if (gap.compareTo(LIMIT) > 0) {
        throw new IllegalStateException("no working time within " + LIMIT.toDays() + " days before " + target);
      }
      lo = target.minus(gap);
    }
    long low = lo.getEpochSecond();
    long high = target.getEpochSecond();
    while (high - low > 1) {
      long mid = low + (high - low) / 2;
      if (w.between(Instant.ofEpochSecond(mid), target).compareTo(d) <= 0) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return Instant.ofEpochSecond(high);
  }
}

package io.handoff.sla.clock;

import io.handoff.sla.hours.WorkingTime;
import io.handoff.sla.policy.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured state of one metric, independent of any target: the current cycle's running
 * segments (closed ones plus the open one from {@code runningSince}), whether it is fulfilled, and
 * which warnings and breach already fired in this cycle. Keeping segments rather than a counter lets
 * a new target, or a switch between calendar and business hours, be applied to time already spent.
 * Immutable; each transition returns a new value.
 *
 * @param cycle 0 before the metric ever started; reply and update metrics start a new cycle each time
 * @param runningSince start of the open running segment, or null when paused or fulfilled
 * @param fulfilledAt when this cycle was fulfilled, or null while active
 */
public record MetricClock(
    SlaMetric metric,
    int cycle,
    Instant startedAt,
    List<Segment> segments,
    Instant runningSince,
    Instant fulfilledAt,
    List<Integer> warningsFired,
    boolean breachFired) {

  public MetricClock {
    segments = List.copyOf(segments);
    warningsFired = warningsFired.stream().sorted().toList();
  }

  static MetricClock idle(SlaMetric metric) {
    return new MetricClock(metric, 0, null, List.of(), null, null, List.of(), false);
  }

  /** Started and not yet fulfilled (it may be paused). */
  public boolean active() {
    return cycle > 0 && fulfilledAt == null;
  }

  public boolean running() {
    return runningSince != null;
  }

  /** A fresh cycle from {@code at}: no time spent, nothing fired. */
  MetricClock startCycle(Instant at, boolean running) {
    return new MetricClock(metric, cycle + 1, at, List.of(), running ? at : null, null, List.of(), false);
  }

  MetricClock pause(Instant at) {
    if (runningSince == null) {
      return this;
    }
    List<Segment> s = new ArrayList<>(segments);
    if (at.isAfter(runningSince)) {
      s.add(new Segment(runningSince, at));
    }
    return new MetricClock(metric, cycle, startedAt, s, null, fulfilledAt, warningsFired, breachFired);
  }

  MetricClock resume(Instant at) {
    if (!active() || runningSince != null) {
      return this;
    }
    return new MetricClock(metric, cycle, startedAt, segments, at, null, warningsFired, breachFired);
  }

  MetricClock fulfil(Instant at) {
    if (!active()) {
      return this;
    }
    MetricClock p = pause(at);
    return new MetricClock(metric, cycle, startedAt, p.segments, null, at, warningsFired, breachFired);
  }

  /** Continues a fulfilled cycle (a reopened ticket): time and fired marks are kept. */
  MetricClock reopen(Instant at, boolean running) {
    if (cycle == 0 || active()) {
      return this;
    }
    return new MetricClock(metric, cycle, startedAt, segments, running ? at : null, null, warningsFired, breachFired);
  }

  MetricClock markWarning(int percent) {
    List<Integer> w = new ArrayList<>(warningsFired);
    w.add(percent);
    return new MetricClock(metric, cycle, startedAt, segments, runningSince, fulfilledAt, w, breachFired);
  }

  MetricClock markBreach() {
    return new MetricClock(metric, cycle, startedAt, segments, runningSince, fulfilledAt, warningsFired, true);
  }

  /** Working time spent in this cycle up to {@code now}. */
  public Duration elapsed(WorkingTime w, Instant now) {
    Duration sum = Duration.ZERO;
    for (Segment s : segments) {
      sum = sum.plus(w.between(s.start(), s.end()));
    }
    if (runningSince != null && now.isAfter(runningSince)) {
      sum = sum.plus(w.between(runningSince, now));
    }
    return sum;
  }

  /**
   * The instant at which this cycle's working time reaches {@code threshold}: in the past when it was
   * reached in a closed segment, in the future when the clock is running, null when it is paused or
   * fulfilled below the threshold.
   */
  public Instant crossing(WorkingTime w, Duration threshold) {
    Duration remaining = threshold;
    for (Segment s : segments) {
      Duration len = w.between(s.start(), s.end());
      if (remaining.compareTo(len) <= 0) {
        return w.add(s.start(), remaining);
      }
      remaining = remaining.minus(len);
    }
    return runningSince == null ? null : w.add(runningSince, remaining);
  }
}

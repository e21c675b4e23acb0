package io.handoff.sla.clock;

import io.handoff.sla.clock.SlaClockView.State;
import io.handoff.sla.policy.SlaMetric;
import io.handoff.sla.policy.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the per-metric views of {@link SlaClocks}. */
final class SlaViews {

  private SlaViews() {}

  static List<SlaClockView> of(SlaClocks clocks, Instant now) {
    List<SlaClockView> out = new ArrayList<>();
    for (SlaMetric m : SlaMetric.values()) {
      MetricClock c = clocks.clock(m);
      SlaTarget t = clocks.targets().target(m).orElse(null);
      if (t == null) {
        continue;
      }
      boolean applies = clocks.applicableTarget(c) != null;
      State state = state(c, applies);
      Instant until = c.fulfilledAt() != null ? c.fulfilledAt() : now;
      Duration spent = state == State.IDLE ? Duration.ZERO : c.elapsed(t.workingTime(), until);
      boolean breached = applies && c.cycle() > 0 && (c.breachFired() || spent.compareTo(t.target()) >= 0);
      Instant dueAt = state == State.IDLE || (state == State.FULFILLED && !breached) ? null
          : c.crossing(t.workingTime(), t.target());
      out.add(new SlaClockView(m, clocks.targets().policy(), t.target(), t.businessHours(),
          t.businessHours() ? t.schedule().name() : null, state, c.cycle(), dueAt, state == State.PAUSED,
          t.target().minus(spent), state == State.FULFILLED, breached, c.warningsFired()));
    }
    return out;
  }

  private static State state(MetricClock c, boolean applies) {
    if (c.cycle() == 0 || !applies) {
      return State.IDLE;
    }
    if (!c.active()) {
      return State.FULFILLED;
    }
    return c.running() ? State.RUNNING : State.PAUSED;
  }
}

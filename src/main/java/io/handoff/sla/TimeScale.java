package io.handoff.sla;

import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.inactivity.Reminder;
import io.handoff.sla.policy.SlaTarget;
import io.handoff.sla.policy.SlaTargets;
import java.time.Duration;

/**
 * The demo clock ({@code handoff.demo.time-scale}): the durations of {@code sla-policies.yaml} and
 * {@code inactivity.yaml} divided by a factor, applied where activities hand them to journeys, so the
 * journey workflow runs the same code with shorter timers. Scaled SLA targets are measured in calendar
 * time: a business-hours schedule has no meaning for a target of a few minutes.
 */
public record TimeScale(int factor) {

  public static final TimeScale NONE = new TimeScale(1);

  public TimeScale {
    if (factor < 1) {
      throw new IllegalArgumentException("handoff.demo.time-scale must be at least 1, got " + factor);
    }
  }

  public boolean scaled() {
    return factor > 1;
  }

  /** {@code d} divided by the factor, at least one second. */
  public Duration apply(Duration d) {
    if (!scaled() || d == null) {
      return d;
    }
    Duration scaled = d.dividedBy(factor);
    return scaled.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : scaled;
  }

  public SlaTargets apply(SlaTargets targets) {
    if (!scaled() || targets == null || targets.targets().isEmpty()) {
      return targets;
    }
    return new SlaTargets(targets.policy(), targets.priority(), targets.targets().stream()
        .map(t -> new SlaTarget(t.metric(), apply(t.target()), null, t.warningPercents(), t.onWarning(),
            t.onBreach()))
        .toList());
  }

  public InactivityPolicy apply(InactivityPolicy policy) {
    if (!scaled() || policy == null) {
      return policy;
    }
    return new InactivityPolicy(apply(policy.inactiveAfter()), policy.reminders().stream()
        .map(r -> new Reminder(apply(r.after()), r.message(), r.setStatus(), r.tag(), r.messages())).toList(),
        policy.endSession());
  }
}

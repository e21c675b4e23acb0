package io.handoff.sla.clock;

import io.handoff.sla.policy.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the journey view shows for one metric that has a target.
 *
 * @param dueAt when the target is (or was) reached; null while paused or once fulfilled in time
 * @param timeLeft target minus working time spent (negative once breached)
 */
public record SlaClockView(
    SlaMetric metric,
    String policy,
    Duration target,
    boolean businessHours,
    String schedule,
    State state,
    int cycle,
    Instant dueAt,
    boolean paused,
    Duration timeLeft,
    boolean fulfilled,
    boolean breached,
    List<Integer> warningsFired) {

  /** IDLE: not started, or waiting for the event that starts its next cycle. */
  public enum State { IDLE, RUNNING, PAUSED, FULFILLED }
}

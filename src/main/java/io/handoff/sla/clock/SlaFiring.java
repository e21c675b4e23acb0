package io.handoff.sla.clock;

import io.handoff.sla.policy.EscalationAction;
import java.time.Duration;
import java.util.List;

/**
 * A warning or breach that fired, with the actions the workflow must apply (through its activities;
 * use the deadline's metric, kind, percent and cycle in the idempotency key).
 */
public record SlaFiring(SlaDeadline deadline, String policy, Duration target, List<EscalationAction> actions) {

  public SlaFiring {
    actions = List.copyOf(actions);
  }
}

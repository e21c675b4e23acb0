package io.handoff.sla.clock;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.handoff.sla.policy.EscalationWire;
import io.handoff.support.SupportAction;
import java.time.Duration;
import java.util.List;

/**
 * A warning or breach that fired, with the SLA escalation actions the workflow must apply (support
 * actions, through {@code RuleActions.escalate}; use the deadline's metric, kind, percent and cycle in the
 * idempotency key).
 */
public record SlaFiring(
    SlaDeadline deadline,
    String policy,
    Duration target,
    @JsonSerialize(contentConverter = EscalationWire.Out.class)
    @JsonDeserialize(contentConverter = EscalationWire.In.class)
    List<SupportAction> actions) {

  public SlaFiring {
    actions = List.copyOf(actions);
  }
}

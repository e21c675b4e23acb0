package io.handoff.intent;

import io.handoff.ticket.TicketPriority;

/**
 * A classification after the handoff policy: the final handoff decision, the group that owns the
 * intent and the ticket priority derived from urgency. This is the intent activity's result.
 *
 * @param policyReason which policy rule decided (e.g. "always-human intent human_request")
 * @param policyVersion hash of the handoff policy file that was applied
 */
public record RoutingDecision(
    Classification classification,
    HandoffDecision handoff,
    String group,
    TicketPriority priority,
    String policyReason,
    String policyVersion) {

  public String intent() {
    return classification.intent();
  }

  public double confidence() {
    return classification.confidence();
  }
}

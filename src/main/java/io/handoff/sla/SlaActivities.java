package io.handoff.sla;

import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.Ticket;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Reads the SLA policies and the inactivity policy from {@code workflows/} for the journey workflow,
 * which must not read files. Both are read-only, so retries are safe.
 */
@ActivityInterface(namePrefix = "Sla")
public interface SlaActivities {

  /** The targets of the first policy whose filter matches the ticket ({@link SlaTargets#NONE} if none). */
  @ActivityMethod
  SlaTargets targetsFor(Ticket ticket);

  /** The inactivity policy (reminder ladder) journeys run with. */
  @ActivityMethod
  InactivityPolicy inactivityPolicy();
}

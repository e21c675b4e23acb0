package io.handoff.sla.clock;

import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@link SlaClocks} knows, as plain data: pass it through continue-as-new (or store it) and
 * {@link SlaClocks#restore} it. Serialisable with Temporal's default Jackson converter.
 */
public record SlaClocksState(
    TicketStatus status, SlaTargets targets, Instant lastEventAt, List<MetricClock> clocks) {

  public SlaClocksState {
    clocks = List.copyOf(clocks);
  }
}

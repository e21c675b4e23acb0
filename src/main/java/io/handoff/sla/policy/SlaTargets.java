package io.handoff.sla.policy;

import io.handoff.ticket.TicketPriority;
import java.util.List;
import java.util.Optional;

/**
 * The targets that apply to a ticket now: the matching policy's targets for its priority. Serialisable;
 * the workflow passes a new value to {@code SlaClocks.targetsChanged} when priority, group or tags change.
 *
 * @param policy the policy name, or null when no policy matched
 */
public record SlaTargets(String policy, TicketPriority priority, List<SlaTarget> targets) {

  public static final SlaTargets NONE = new SlaTargets(null, null, List.of());

  public SlaTargets {
    targets = List.copyOf(targets);
  }

  public Optional<SlaTarget> target(SlaMetric metric) {
    return targets.stream().filter(t -> t.metric() == metric).findFirst();
  }
}

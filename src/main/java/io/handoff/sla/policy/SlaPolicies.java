package io.handoff.sla.policy;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.ticket.Ticket;
import java.util.List;
import java.util.Optional;

/**
 * The ordered SLA policies with the business hours their targets use. The first policy whose filter
 * matches applies. Evaluate it outside workflow code (it calls the rule kernel) or with a pure matcher,
 * on ticket creation and whenever priority, group or tags change.
 */
public record SlaPolicies(List<SlaPolicy> policies, BusinessHours businessHours) {

  public SlaPolicies {
    policies = List.copyOf(policies);
  }

  /** The first policy whose filter matches the ticket. */
  public Optional<SlaPolicy> select(Ticket ticket, SlaPolicyMatcher matcher) {
    return policies.stream().filter(p -> matcher.matches(ticket, p.filter())).findFirst();
  }

  /** The targets for the ticket as it is now; {@link SlaTargets#NONE} when no policy matches. */
  public SlaTargets targetsFor(Ticket ticket, SlaPolicyMatcher matcher) {
    return select(ticket, matcher).map(p -> p.targetsFor(ticket.priority(), businessHours,
        businessHours.forTicket(ticket.customFields()).name())).orElse(SlaTargets.NONE);
  }
}

package io.handoff.sla.policy;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.ticket.TicketPriority;
import java.util.List;

/** One SLA policy of {@code workflows/sla-policies.yaml}, in file order. */
public record SlaPolicy(String name, String description, int line, SlaFilter filter, List<MetricPolicy> metrics) {

  public SlaPolicy {
    metrics = List.copyOf(metrics);
  }

  /**
   * The targets for a priority. A ticket without a priority gets no targets (as in Zendesk, where
   * targets are set per priority).
   */
  public SlaTargets targetsFor(TicketPriority priority, BusinessHours hours) {
    return targetsFor(priority, hours, null);
  }

  /**
   * The targets for a priority, business-hours metrics measured in the policy's (or metric's) own
   * {@code schedule}, else in {@code ticketSchedule} (the ticket's schedule, as in Zendesk), else the default.
   */
  public SlaTargets targetsFor(TicketPriority priority, BusinessHours hours, String ticketSchedule) {
    if (priority == null) {
      return new SlaTargets(name, null, List.of());
    }
    List<SlaTarget> out = metrics.stream()
        .filter(m -> m.targets().containsKey(priority))
        .map(m -> new SlaTarget(m.metric(), m.targets().get(priority),
            m.businessHours() ? hours.schedule(m.schedule() != null ? m.schedule() : ticketSchedule) : null,
            m.warningPercents(), m.onWarning(), m.onBreach()))
        .toList();
    return new SlaTargets(name, priority, out);
  }
}

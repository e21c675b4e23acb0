package io.handoff.sla.policy;

import io.handoff.support.SupportAction;
import io.handoff.ticket.TicketPriority;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The targets of one metric inside a policy: a target per priority, measured in business hours of
 * {@code schedule} (null = the default schedule) or in calendar time, with warning percentages and
 * the actions for warnings and breach.
 */
public record MetricPolicy(
    SlaMetric metric,
    Map<TicketPriority, Duration> targets,
    boolean businessHours,
    String schedule,
    List<Integer> warningPercents,
    List<SupportAction> onWarning,
    List<SupportAction> onBreach) {

  public MetricPolicy {
    targets = Map.copyOf(targets);
    warningPercents = warningPercents.stream().distinct().sorted().toList();
    onWarning = List.copyOf(onWarning);
    onBreach = List.copyOf(onBreach);
  }
}

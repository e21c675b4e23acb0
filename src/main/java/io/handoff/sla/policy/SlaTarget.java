package io.handoff.sla.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.handoff.sla.hours.BusinessSchedule;
import io.handoff.sla.hours.WorkingTime;
import io.handoff.support.SupportAction;
import java.time.Duration;
import java.util.List;

/**
 * One metric's target for a ticket's current priority, resolved from a policy. Carries a copy of
 * its schedule so clocks can do business-time arithmetic inside a workflow without reading files.
 *
 * @param schedule the business-hours schedule, or null for calendar time
 * @param onWarning the SLA escalation actions of a warning, serialised as {@link EscalationWire}s
 * @param onBreach the actions of the breach, likewise
 */
public record SlaTarget(
    SlaMetric metric,
    Duration target,
    BusinessSchedule schedule,
    List<Integer> warningPercents,
    @JsonSerialize(contentConverter = EscalationWire.Out.class)
    @JsonDeserialize(contentConverter = EscalationWire.In.class)
    List<SupportAction> onWarning,
    @JsonSerialize(contentConverter = EscalationWire.Out.class)
    @JsonDeserialize(contentConverter = EscalationWire.In.class)
    List<SupportAction> onBreach) {

  public SlaTarget {
    warningPercents = List.copyOf(warningPercents);
    onWarning = List.copyOf(onWarning);
    onBreach = List.copyOf(onBreach);
  }

  @JsonIgnore
  public boolean businessHours() {
    return schedule != null;
  }

  @JsonIgnore
  public WorkingTime workingTime() {
    return schedule == null ? WorkingTime.CALENDAR : schedule;
  }

  /** Working time at which a warning at {@code percent} fires, rounded up to a whole second. */
  public Duration warningAfter(int percent) {
    long millis = target.toMillis() * percent;
    long seconds = (millis + 100_000 - 1) / 100_000;
    return Duration.ofSeconds(seconds);
  }
}

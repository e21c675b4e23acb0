package io.handoff.sla.clock;

import io.handoff.sla.hours.BusinessSchedule;
import io.handoff.sla.policy.EscalationWire;
import io.handoff.sla.policy.EscalationWire.Kind;
import io.handoff.sla.policy.SlaMetric;
import io.handoff.sla.policy.SlaTarget;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.support.SupportAction;
import io.handoff.ticket.TicketPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small targets for clock tests: calendar time unless a schedule is given. */
final class SlaFixtures {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final SupportAction TAG_WARNING = new EscalationWire(Kind.ADD_TAG, "sla_warning", null, null).action();
  static final SupportAction RAISE = new EscalationWire(Kind.RAISE_PRIORITY, null, null, null).action();

  private SlaFixtures() {}

  static Instant at(Duration d) {
    return T0.plus(d);
  }

  static Instant min(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static SlaTarget target(SlaMetric m, Duration d, Integer... warnings) {
    return new SlaTarget(m, d, null, List.of(warnings), List.of(TAG_WARNING), List.of(RAISE));
  }

  static SlaTarget businessTarget(SlaMetric m, Duration d, BusinessSchedule s, Integer... warnings) {
    return new SlaTarget(m, d, s, List.of(warnings), List.of(TAG_WARNING), List.of(RAISE));
  }

  static SlaTargets targets(SlaTarget... t) {
    return new SlaTargets("Test policy", TicketPriority.URGENT, List.of(t));
  }
}

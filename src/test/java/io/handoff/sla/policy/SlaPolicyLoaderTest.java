package io.handoff.sla.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.policy.EscalationWire.Kind;
import io.handoff.ticket.TicketPriority;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyLoaderTest {

  static final BusinessHours HOURS = BusinessHoursLoader.load(Path.of("workflows/business-hours.yaml")).orThrow();

  @Test
  void loadsTheRepositoryFileInOrderWithInheritedSettings() {
    Loaded<SlaPolicies> loaded = SlaPolicyLoader.load(Path.of("workflows/sla-policies.yaml"), HOURS);
    assertEquals(List.of(), loaded.errors());
    List<SlaPolicy> policies = loaded.value().policies();
    assertEquals(List.of("VIP customers", "Standard"), policies.stream().map(SlaPolicy::name).toList());
    SlaPolicy vip = policies.get(0);
    assertEquals(List.of(new FilterCondition("current_tags", "includes", "vip", 9)), vip.filter().all());
    assertEquals(List.of(Kind.RAISE_PRIORITY, Kind.SET_GROUP, Kind.ADD_TAG, Kind.INTERNAL_NOTE, Kind.NOTIFY_EMAIL),
        vip.metrics().get(0).onBreach().stream().map(a -> EscalationWire.of(a).kind()).toList());

    SlaTargets standardUrgent = policies.get(1).targetsFor(TicketPriority.URGENT, HOURS);
    SlaTarget awt = standardUrgent.target(SlaMetric.AGENT_WORK_TIME).orElseThrow();
    assertEquals(Duration.ofHours(4), awt.target());
    assertEquals("support-paris", awt.schedule().name());
    assertEquals(List.of(50, 75, 90), awt.warningPercents());
    SlaTarget trt = standardUrgent.target(SlaMetric.TOTAL_RESOLUTION_TIME).orElseThrow();
    assertFalse(trt.businessHours());
    assertEquals(List.of(75), trt.warningPercents());
    assertTrue(policies.get(1).targetsFor(TicketPriority.LOW, HOURS).target(SlaMetric.PERIODIC_UPDATE_TIME).isEmpty());
    assertTrue(policies.get(1).targetsFor(null, HOURS).targets().isEmpty());
  }

  @Test
  void warningsRoundUpToWholeSeconds() {
    SlaTarget t = new SlaTarget(SlaMetric.FIRST_REPLY_TIME, Duration.ofSeconds(45), null, List.of(75), List.of(), List.of());
    assertEquals(Duration.ofSeconds(34), t.warningAfter(75));
    assertEquals(Duration.ofSeconds(675), new SlaTarget(SlaMetric.FIRST_REPLY_TIME, Duration.ofMinutes(15), null,
        List.of(), List.of(), List.of()).warningAfter(75));
  }

  @Test
  void reportsEveryErrorWithItsLine() {
    String yaml = """
        policies:
          - name: Broken
            filter:
              all:
                - {operator: is, value: urgent}
              some: []
            warnings: [75, 150]
            targets:
              first_reply_tme: {urgent: 1h}
              next_reply_time: {urgent: 10s, high: soon}
          - name: Also broken
            schedule: mars-office
            on_breach:
              - escalate
            targets:
              agent_work_time: {business_hours: maybe, urgent: 1h}
              total_resolution_time: {}
          - name: Broken
            targets: {first_reply_time: {low: 1h}}
        """;
    Loaded<SlaPolicies> loaded = SlaPolicyLoader.parse("sla-policies.yaml", yaml, HOURS);
    assertNull(loaded.value());
    assertEquals(List.of(
        "sla-policies.yaml:6: rule \"Broken\": unknown key \"some\" in filter (allowed: all, any)",
        "sla-policies.yaml:5: rule \"Broken\": missing required key \"field\"",
        "sla-policies.yaml:7: rule \"Broken\": a warning is a percentage of the target from 1 to 99, got \"150\"",
        "sla-policies.yaml:9: rule \"Broken\": unknown metric \"first_reply_tme\" (expected one of first_reply_time,"
            + " next_reply_time, periodic_update_time, pausable_update_time, requester_wait_time, agent_work_time,"
            + " total_resolution_time)",
        "sla-policies.yaml:10: rule \"Broken\": next_reply_time target \"soon\" is not a duration (e.g. 90, 45s,"
            + " 4h, 1h30m, 2d)",
        "sla-policies.yaml:10: rule \"Broken\": next_reply_time target 10s is below the 15s minimum",
        "sla-policies.yaml:12: rule \"Also broken\": unknown business-hours schedule \"mars-office\"",
        "sla-policies.yaml:14: rule \"Also broken\": unknown action \"escalate\" (a bare action can only be"
            + " raise_priority)",
        "sla-policies.yaml:16: rule \"Also broken\": business_hours must be true or false",
        "sla-policies.yaml:17: rule \"Also broken\": total_resolution_time needs a target for at least one priority"
            + " (low, normal, high, urgent)",
        "sla-policies.yaml:18: rule \"Broken\": duplicate policy name"),
        loaded.errors().stream().map(RuleFileError::toString).toList());
  }

  @Test
  void reportsInvalidActionsAndTargets() {
    String yaml = """
        policies:
          - name: P
            on_breach:
              - escalate
              - {set_priority: critical}
              - {notify_email: nobody, body: hi}
              - {notify_webhook: hook}
            targets:
              next_reply_time: {urgent: 10s, high: soon}
        """;
    Loaded<SlaPolicies> loaded = SlaPolicyLoader.parse("p.yaml", yaml, HOURS);
    assertEquals(List.of(
        "p.yaml:4: rule \"P\": unknown action \"escalate\" (a bare action can only be raise_priority)",
        "p.yaml:5: rule \"P\": unknown priority \"critical\" (expected low, normal, high or urgent)",
        "p.yaml:6: rule \"P\": notify_email needs an email address, got \"nobody\"",
        "p.yaml:7: rule \"P\": notify_webhook needs a body",
        "p.yaml:9: rule \"P\": next_reply_time target \"soon\" is not a duration (e.g. 90, 45s, 4h, 1h30m, 2d)",
        "p.yaml:9: rule \"P\": next_reply_time target 10s is below the 15s minimum"),
        loaded.errors().stream().map(RuleFileError::toString).toList());
  }
}

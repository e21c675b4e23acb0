package io.handoff.automation;

import static io.handoff.automation.AutomationPlannerTest.NINE_TO_FIVE;
import static io.handoff.automation.AutomationPlannerTest.T0;
import static io.handoff.automation.AutomationPlannerTest.automations;
import static io.handoff.automation.AutomationPlannerTest.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.support.Notification;
import io.handoff.ticket.TicketStatus;
import io.handoff.trigger.TriggerTrace;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Running the automations due at an instant: order, effects, keys, traces. */
class AutomationEngineTest {
  static final AutomationSet TWO = automations("""
      automations:
        - title: Solve after 48 hours pending
          position: 1
          conditions:
            all:
              - { field: status, operator: is, value: pending }
              - { field: PENDING, operator: greater_than, value: 48 }
          actions:
            - { field: status, value: solved }
            - { field: notification_webhook, value: [ops, '{"ticket": "{{ticket.id}}", "status": "{{ticket.status}}"}'] }
        - title: Still pending
          position: 2
          conditions:
            all:
              - { field: status, operator: is, value: pending }
              - { field: PENDING, operator: greater_than, value: 1 }
              - { field: current_tags, operator: not_includes, value: nudged }
          actions:
            - { field: current_tags, value: nudged }
        - title: Solved just now
          position: 3
          conditions:
            all:
              - { field: status, operator: is, value: solved }
              - { field: SOLVED, operator: less_than, value: 1 }
              - { field: current_tags, operator: not_includes, value: solved_seen }
          actions:
            - { field: current_tags, value: solved_seen }
      """);

  static AutomationFacts at(Instant at, Set<String> fired) {
    return new AutomationFacts("journey-c1/automation/1", ticket(TicketStatus.PENDING, Map.of()),
        Map.of("pending", T0), null, T0, null, null, null, "active", Map.of(), fired, at);
  }

  @Test
  void laterAutomationsSeeWhatEarlierOnesChangedIncludingTheirHours() {
    AutomationEngine.Result r = AutomationEngine.run(TWO, at(T0.plusSeconds(48 * 3600), Set.of()), NINE_TO_FIVE);
    assertThat(r.fired()).containsExactly("Solve after 48 hours pending", "Solved just now");
    assertThat(r.decision().ticket().status()).isEqualTo(TicketStatus.SOLVED);
    assertThat(r.decision().ticket().tags()).containsExactly("solved_seen");
    assertThat(r.decision().trace().triggers()).extracting(TriggerTrace::outcome).containsExactly(
        TriggerTrace.Outcome.FIRED, TriggerTrace.Outcome.NOT_MATCHED, TriggerTrace.Outcome.FIRED);
    assertThat(r.decision().trace().engine()).isEqualTo("automations");
  }

  @Test
  void notificationsAreRenderedWithTheFinalTicketAndKeyedByTheRun() {
    AutomationEngine.Result r = AutomationEngine.run(TWO, at(T0.plusSeconds(48 * 3600), Set.of()), NINE_TO_FIVE);
    Notification n = r.decision().notifications().get(0);
    assertThat(n.kind()).isEqualTo(Notification.Kind.WEBHOOK);
    assertThat(n.endpoint()).isEqualTo("https://hooks.example.invalid/ops");
    assertThat(n.body()).isEqualTo("{\"ticket\": \"7\", \"status\": \"solved\"}");
    assertThat(n.idempotencyKey()).startsWith("journey-c1/automation/1/");
  }

  @Test
  void aTimeConditionThatDoesNotHoldYetIsTheTracedReason() {
    AutomationEngine.Result r = AutomationEngine.run(TWO, at(T0.plusSeconds(2 * 3600), Set.of()), NINE_TO_FIVE);
    assertThat(r.fired()).containsExactly("Still pending");
    TriggerTrace first = r.decision().trace().triggers().get(0);
    assertThat(first.failure().condition()).isEqualTo("PENDING greater_than 48");
    assertThat(first.failure().actual()).isEqualTo("2.00 hours");
  }

  @Test
  void anAutomationThatFiredSinceTheLastChangeIsSkipped() {
    AutomationEngine.Result r = AutomationEngine.run(TWO, at(T0.plusSeconds(2 * 3600), Set.of("Still pending")),
        NINE_TO_FIVE);
    assertThat(r.fired()).isEmpty();
    assertThat(r.decision().trace().triggers().get(1).outcome()).isEqualTo(TriggerTrace.Outcome.SKIPPED_ALREADY_RAN);
  }
}

package io.handoff.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.trigger.BusinessCalendar;
import io.handoff.trigger.TriggerTrace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Zendesk's trigger loop: restart after a firing, fire once per update, order, cap. */
class SupportLoopTest {

  private static SupportDecision run(String yaml, int cap, TicketUpdate u) {
    return new SupportEngine(SupportFixtures.parse(yaml), cap).evaluate(u, BusinessCalendar.ALWAYS_OPEN);
  }

  @Test
  void aTriggerEnablesAnEarlierOneOnTheNextPass() {
    String yaml = """
        triggers:
          - title: Urgent when escalated
            conditions: { all: [{ field: current_tags, operator: includes, value: escalated }] }
            actions: [{ field: priority, value: urgent }]
          - title: Escalate VIP
            conditions: { all: [{ field: current_tags, operator: includes, value: vip }] }
            actions: [{ field: current_tags, value: escalated }]
        """;
    SupportDecision d = run(yaml, 100, SupportFixtures.changeUpdate());
    assertEquals(List.of("Escalate VIP", "Urgent when escalated"), d.trace().fired());
    assertEquals(3, d.trace().passes());
    assertEquals(io.handoff.ticket.TicketPriority.URGENT, d.ticket().priority());
    // Both engines agree.
    SupportDecision naive = new SupportEngine(SupportFixtures.parse(yaml))
        .evaluateNaive(SupportFixtures.changeUpdate(), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(d.trace().fired(), naive.trace().fired());
    assertEquals(d.ticket(), naive.ticket());
  }

  @Test
  void firesOncePerUpdateEvenWhenItStillMatches() {
    String yaml = """
        triggers:
          - title: Always
            actions: [{ field: current_tags, value: again }]
          - title: Flip
            conditions: { all: [{ field: current_tags, operator: includes, value: again }] }
            actions: [{ field: remove_tags, value: again }]
        """;
    SupportDecision d = run(yaml, 100, SupportFixtures.changeUpdate());
    assertEquals(List.of("Always", "Flip"), d.trace().fired());
    assertTrue(!d.ticket().tags().contains("again"));
    assertNull(d.trace().error());
  }

  @Test
  void ordersByCategoryThenPosition() {
    String yaml = """
        categories: [First, Second]
        triggers:
          - { title: Second-1, category: Second, position: 1, actions: [{ field: current_tags, value: s1 }] }
          - { title: First-2, category: First, position: 2, actions: [{ field: current_tags, value: f2 }] }
          - { title: First-1, category: First, position: 1, actions: [{ field: current_tags, value: f1 }] }
        """;
    assertEquals(List.of("First-1", "First-2", "Second-1"),
        run(yaml, 100, SupportFixtures.changeUpdate()).trace().fired());
  }

  @Test
  void laterTriggersSeeEarlierChanges() {
    String yaml = """
        triggers:
          - { title: Set group, actions: [{ field: group_id, value: Sales }] }
          - title: Sales is urgent
            conditions: { all: [{ field: group_id, operator: changed_to, value: Sales }] }
            actions: [{ field: priority, value: urgent }]
        """;
    SupportDecision d = run(yaml, 100, SupportFixtures.changeUpdate());
    assertEquals(List.of("Set group", "Sales is urgent"), d.trace().fired());
  }

  @Test
  void anEndlessChainHitsThePassCap() {
    StringBuilder yaml = new StringBuilder("triggers:\n");
    for (int i = 0; i < 10; i++) {
      yaml.append("  - title: Step ").append(i).append("\n")
          .append("    conditions: { all: [{ field: custom_fields_step, value: '").append(i).append("' }] }\n")
          .append("    actions: [{ field: custom_fields_step, value: '").append(i + 1).append("' }]\n");
    }
    TicketUpdate base = SupportFixtures.changeUpdate();
    var after = base.after();
    var withStep = new io.handoff.ticket.Ticket(after.id(), after.externalId(), after.subject(),
        after.description(), after.status(), after.priority(), after.type(), after.group(), after.assignee(),
        after.requesterId(), after.requesterName(), after.requesterEmail(), after.organization(), after.tags(),
        Map.of("step", "0"), after.comments(), after.via(), after.createdAt(), after.updatedAt());
    TicketUpdate u = new TicketUpdate("k", base.before(), withStep, null, base.actor(), null, null,
        Map.of(), Map.of(), base.at());
    SupportDecision d = run(yaml.toString(), 5, u);
    assertEquals(5, d.trace().fired().size());
    assertTrue(d.trace().error().startsWith("stopped after 5 passes"), d.trace().error());
    assertEquals("5", d.ticket().customFields().get("step"));
    assertNull(run(yaml.toString(), 100, u).trace().error());
  }

  @Test
  void traceNamesTheFirstFailingCondition() {
    String yaml = """
        triggers:
          - title: Needs solved
            conditions: { all: [{ field: priority, value: high }, { field: status, value: solved }] }
            actions: [{ field: current_tags, value: x }]
        """;
    TriggerTrace t = run(yaml, 100, SupportFixtures.changeUpdate()).trace().triggers().get(0);
    assertEquals(TriggerTrace.Outcome.NOT_MATCHED, t.outcome());
    assertEquals("status is solved", t.failure().condition());
    assertEquals("pending", t.failure().actual());
    assertEquals("all: status is solved failed (actual \"pending\")", t.failure().why());
  }

  @Test
  void inactiveTriggersNeverRun() {
    String yaml = "triggers:\n  - { title: Off, active: false, actions: [{ field: current_tags, value: x }] }\n";
    SupportDecision d = run(yaml, 100, SupportFixtures.createUpdate(Set.of(), Map.of()));
    assertEquals(List.of(), d.trace().triggers());
  }
}

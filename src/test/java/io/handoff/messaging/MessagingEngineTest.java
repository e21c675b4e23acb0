package io.handoff.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.trigger.BusinessCalendar;
import io.handoff.trigger.TriggerTrace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Messaging actions, declared order, run once per conversation, suspend. */
class MessagingEngineTest {

  private static MessagingDecision run(String yaml, MessagingFacts facts) {
    return new MessagingEngine(MessagingFixtures.parse(yaml)).evaluate("wf-c1/evt-2", facts,
        BusinessCalendar.ALWAYS_OPEN);
  }

  @Test
  void effectsComeOutInDeclaredOrderWithWaits() {
    String yaml = """
        triggers:
          - title: First
            run_trigger: message_sent
            actions:
              - { field: send_message, value: "Hi {{customer.name}}, about {{estimated_wait}} min ({{queue_size}} ahead)" }
              - { field: wait, value: 5 }
              - { field: request_email, value: "Your e-mail?" }
              - { field: set_triggered, value: true }
          - title: Second
            run_trigger: message_sent
            conditions: { all: [{ field: customer_triggered, value: true }] }
            actions:
              - { field: add_tags, value: a b }
              - { field: remove_tags, value: vip }
              - { field: suspend_user }
        """;
    MessagingDecision d = run(yaml, MessagingFixtures.message("hello").build());
    assertEquals(List.of(MessagingActionType.SEND_MESSAGE, MessagingActionType.WAIT,
        MessagingActionType.REQUEST_EMAIL, MessagingActionType.SET_TRIGGERED, MessagingActionType.ADD_TAGS,
        MessagingActionType.REMOVE_TAGS, MessagingActionType.SUSPEND_USER),
        d.effects().stream().map(MessagingEffect::kind).toList());
    assertEquals("Hi Rita, about 6 min (4 ahead)", d.effects().get(0).text());
    assertEquals(5, d.effects().get(1).seconds());
    assertEquals(Set.of("a", "b"), d.tags());
    assertTrue(d.customerTriggered());
    assertTrue(d.suspendUser());
    assertEquals(List.of("First", "Second"), d.trace().fired());
  }

  @Test
  void sendKeysAreDeterministicPerTriggerAndAction() {
    String yaml = "triggers:\n  - { title: Hi, run_trigger: message_sent, actions: [{ field: send_message, value: x }] }\n";
    String a = run(yaml, MessagingFixtures.message("m").build()).effects().get(0).idempotencyKey();
    String b = run(yaml, MessagingFixtures.message("m").build()).effects().get(0).idempotencyKey();
    assertEquals(a, b);
    assertTrue(a.startsWith("wf-c1/evt-2/") && a.endsWith("/0"), a);
  }

  @Test
  void runOncePerConversationSkipsATriggerThatAlreadyRan() {
    String yaml = """
        triggers:
          - title: Welcome
            run_trigger: message_sent
            run_once_per_conversation: true
            actions: [{ field: send_message, value: Welcome }]
        """;
    MessagingDecision first = run(yaml, MessagingFixtures.message("m").build());
    assertEquals(List.of("Welcome"), first.ranOnce());
    MessagingDecision second = run(yaml, MessagingFixtures.message("m").alreadyRun(Set.copyOf(first.ranOnce())).build());
    assertEquals(List.of(), second.effects());
    assertEquals(TriggerTrace.Outcome.SKIPPED_ALREADY_RAN, second.trace().triggers().get(0).outcome());
  }

  @Test
  void laterTriggersSeeTagsAddedByEarlierOnes() {
    String yaml = """
        triggers:
          - { title: Tag, run_trigger: message_sent, actions: [{ field: add_tags, value: pricing }] }
          - title: React
            run_trigger: message_sent
            conditions: { all: [{ field: tags, operator: includes, value: pricing }] }
            actions: [{ field: send_message, value: "Our plans: https://shop.example/pricing" }]
        """;
    assertEquals(List.of("Tag", "React"), run(yaml, MessagingFixtures.message("m").build()).trace().fired());
  }

  @Test
  void noTriggerRunsAfterSuspendUser() {
    String yaml = """
        triggers:
          - { title: Block, run_trigger: message_sent, actions: [{ field: suspend_user }] }
          - { title: After, run_trigger: message_sent, actions: [{ field: send_message, value: hi }] }
        """;
    MessagingDecision d = run(yaml, MessagingFixtures.message("m").build());
    assertEquals(List.of("Block"), d.trace().fired());
    assertEquals(1, d.effects().size());
  }

  @Test
  void traceShowsWhyATriggerDidNotMatch() {
    String yaml = MessagingFixtures.oneTrigger("message_sent", "{ field: account_status, value: invisible }");
    TriggerTrace t = run(yaml, MessagingFixtures.message("m").build()).trace().triggers().get(0);
    assertEquals("all: account_status is invisible failed (actual \"online\")", t.failure().why());
  }
}

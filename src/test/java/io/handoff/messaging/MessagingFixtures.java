package io.handoff.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.model.Channel;
import io.handoff.yaml.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facts and rule texts for messaging-trigger tests. */
final class MessagingFixtures {

  /** A Tuesday, 14:30 UTC (15:30 in Paris). */
  static final Instant TUESDAY_1430 = Instant.parse("2026-11-24T14:30:00Z");

  private MessagingFixtures() {}

  static MessagingTriggerSet parse(String yaml) {
    Problems problems = new Problems("test.yaml");
    MessagingTriggerSet set = new MessagingTriggerParser(problems).parse(yaml, "test");
    assertEquals(List.of(), problems.all());
    return set;
  }

  static MessagingFacts.Builder message(String text) {
    return MessagingFacts.builder("c1", MessagingEvent.MESSAGE_SENT, TUESDAY_1430)
        .channel(Channel.WEB_WIDGET).customer("Rita", "rita@example.com").pageUrl("https://shop.example/pricing")
        .country("FR").attributes(Map.of("plan", "pro")).previousConversations(3).accountStatus("online")
        .groupStatus("away").group("Sales").brand("Acme").sender("customer").message(text)
        .initialRouting(true).tags(Set.of("vip")).queueSize(4).language("fr").estimatedWaitMinutes(6L);
  }

  static String oneTrigger(String event, String... conditions) {
    StringBuilder y = new StringBuilder("triggers:\n  - title: T\n    run_trigger: " + event
        + "\n    conditions:\n      all:\n");
    for (String c : conditions) {
      y.append("        - ").append(c).append('\n');
    }
    return y.append("    actions:\n      - { field: add_tags, value: matched }\n").toString();
  }
}

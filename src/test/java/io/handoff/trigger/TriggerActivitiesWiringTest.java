package io.handoff.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.messaging.MessagingActivities;
import io.handoff.messaging.MessagingDecision;
import io.handoff.messaging.MessagingEvent;
import io.handoff.messaging.MessagingFacts;
import io.handoff.rules.RuleSetLoader;
import io.handoff.support.Notification;
import io.handoff.support.NotificationActivities;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The activity beans resolve under CDI with default configuration and the real workflows/. */
@QuarkusTest
class TriggerActivitiesWiringTest {

  @Inject
  MessagingActivities messaging;

  @Inject
  NotificationActivities notifications;

  @Inject
  io.handoff.rules.RuleDirectoryHolder rules;

  @Test
  void evaluatesAndSendsThroughTheRecordedOutboxes() {
    assertEquals(RuleSetLoader.load(java.nio.file.Path.of("workflows")).ruleSet().version(), rules.current().ruleSet().version());
    MessagingDecision d = messaging.evaluate("wiring/1", MessagingFacts.builder("c-wiring",
        MessagingEvent.CONVERSATION_STARTED, Instant.parse("2026-11-24T10:00:00Z")).customer("Rita", null).build());
    String key = d.effects().get(0).idempotencyKey();
    assertFalse(messaging.sendMessage("c-wiring", d.effects().get(0).text(), key).duplicate());
    assertTrue(messaging.sendMessage("c-wiring", d.effects().get(0).text(), key).duplicate());
    Notification n = new Notification(Notification.Kind.EMAIL, "t", 0, "user", "a@example.com", "s", "b", null,
        "wiring/n1");
    assertEquals("recorded", notifications.send(n).status());
    assertTrue(notifications.send(n).duplicate());
  }
}

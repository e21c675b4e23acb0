package io.handoff.messaging;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Messaging-trigger activities: evaluate the rules for an event, send a message. */
@ActivityInterface(namePrefix = "Messaging")
public interface MessagingActivities {

  /**
   * Evaluates the messaging triggers for one conversation event. No side effects: the workflow steps
   * through {@link MessagingDecision#effects()} (waits as durable timers, sends via
   * {@link #sendMessage}).
   *
   * @param idempotencyKey the step's key (workflow ID + event id); effect keys derive from it
   */
  @ActivityMethod
  MessagingDecision evaluate(String idempotencyKey, MessagingFacts facts);

  /**
   * Sends a message to the conversation through the configured channel. Idempotent on
   * {@code idempotencyKey} (use {@link MessagingEffect#idempotencyKey()}): a retry never sends twice.
   */
  @ActivityMethod
  MessagingChannelClient.SendResult sendMessage(String conversationId, String text, String idempotencyKey);
}

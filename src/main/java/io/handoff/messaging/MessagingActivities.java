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

  /**
   * Sends the AI stage's reply for a decision it keeps ({@code prompts/replies.yaml}), in the customer's
   * language when the file has it. Idempotent on {@code idempotencyKey}. Returns null, sending nothing,
   * when the file has no reply for the case.
   */
  @ActivityMethod
  AiReplySent sendAiReply(String conversationId, io.handoff.intent.HandoffDecision decision, String intent,
      String language, String idempotencyKey);

  /** A reply the AI stage sent: its text, the language it is in, and what the channel answered. */
  record AiReplySent(String text, String language, MessagingChannelClient.SendResult result) {}
}

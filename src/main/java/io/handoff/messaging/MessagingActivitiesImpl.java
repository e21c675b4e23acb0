package io.handoff.messaging;

import io.handoff.intent.replies.AiReplies;
import io.handoff.trigger.BusinessCalendar;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Evaluates messaging triggers and sends through the channel client. The rules come from a supplier read
 * once per call: in the service, the rule directory in use (so a reload applies from the next call).
 */
public class MessagingActivitiesImpl implements MessagingActivities {

  /** What one evaluation reads, all from one rule directory. */
  public record Rules(MessagingTriggerSet triggers, BusinessCalendar calendar, AiReplies replies) {}

  private final Supplier<Rules> rules;
  private final MessagingChannelClient channel;

  public MessagingActivitiesImpl(Supplier<Rules> rules, MessagingChannelClient channel) {
    this.rules = rules;
    this.channel = channel;
  }

  /** Fixed rules (tests, CLI). */
  public MessagingActivitiesImpl(MessagingTriggerSet triggers, BusinessCalendar calendar,
      MessagingChannelClient channel, AiReplies replies) {
    this(() -> new Rules(triggers, calendar, replies), channel);
  }

  @Override
  public AiReplySent sendAiReply(String conversationId, io.handoff.intent.HandoffDecision decision, String intent,
      String language, String idempotencyKey) {
    var reply = rules.get().replies().reply(decision, intent, language);
    if (reply.isEmpty()) {
      return null;
    }
    return new AiReplySent(reply.get().text(), reply.get().language(),
        sendMessage(conversationId, reply.get().text(), idempotencyKey));
  }

  @Override
  public MessagingDecision evaluate(String idempotencyKey, MessagingFacts facts) {
    Rules r = rules.get();
    return new MessagingEngine(r.triggers()).evaluate(idempotencyKey, facts, r.calendar());
  }

  @Override
  public MessagingChannelClient.SendResult sendMessage(String conversationId, String text, String idempotencyKey) {
    try {
      return channel.send(conversationId, text, idempotencyKey);
    } catch (MessagingChannelClient.ChannelException e) {
      if (e.retryable()) {
        throw e;
      }
      throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), "ChannelRejected", e);
    }
  }
}

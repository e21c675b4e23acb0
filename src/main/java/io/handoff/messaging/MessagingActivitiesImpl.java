package io.handoff.messaging;

import io.handoff.trigger.RuleSetHolder;
import io.temporal.failure.ApplicationFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Evaluates messaging triggers with the rules loaded at start-up; sends through the channel client. */
@ApplicationScoped
public class MessagingActivitiesImpl implements MessagingActivities {

  private RuleSetHolder rules;
  private MessagingChannelClient channel;

  private io.handoff.intent.replies.AiReplies replies;

  @Inject
  public MessagingActivitiesImpl(RuleSetHolder rules, MessagingChannelClient channel,
      io.handoff.config.HandoffConfig config) {
    this(rules, channel, io.handoff.intent.replies.AiRepliesLoader.forPrompts(java.nio.file.Path.of(config.promptsDir())));
  }

  public MessagingActivitiesImpl(RuleSetHolder rules, MessagingChannelClient channel,
      io.handoff.intent.replies.AiReplies replies) {
    this.rules = rules;
    this.channel = channel;
    this.replies = replies;
  }

  @Override
  public AiReplySent sendAiReply(String conversationId, io.handoff.intent.HandoffDecision decision, String intent,
      String language, String idempotencyKey) {
    var reply = replies.reply(decision, intent, language);
    if (reply.isEmpty()) {
      return null;
    }
    return new AiReplySent(reply.get().text(), reply.get().language(),
        sendMessage(conversationId, reply.get().text(), idempotencyKey));
  }

  @Override
  public MessagingDecision evaluate(String idempotencyKey, MessagingFacts facts) {
    return new MessagingEngine(rules.ruleSet().messaging()).evaluate(idempotencyKey, facts, rules.calendar());
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

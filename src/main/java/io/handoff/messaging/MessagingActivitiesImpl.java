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

  @Inject
  public MessagingActivitiesImpl(RuleSetHolder rules, MessagingChannelClient channel) {
    this.rules = rules;
    this.channel = channel;
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

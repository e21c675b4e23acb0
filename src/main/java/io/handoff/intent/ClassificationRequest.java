package io.handoff.intent;

import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Input of every {@link IntentClassifier}: the conversation so far, its channel, the customer and the
 * tags that messaging triggers added. Plain data, so it can be a Temporal activity argument.
 */
public record ClassificationRequest(
    String conversationId,
    List<ConversationMessage> messages,
    Channel channel,
    Customer customer,
    List<String> tags) {

  public ClassificationRequest {
    messages = messages == null ? List.of() : List.copyOf(messages);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A request holding one customer message; convenient for evaluation and tests. */
  public static ClassificationRequest ofText(String conversationId, String text) {
    return new ClassificationRequest(
        conversationId, List.of(ConversationMessage.fromCustomer(text, null)), null, null, List.of());
  }

  /**
   * Builds a request from a journey's events (deterministic, so the workflow may call it): customer
   * messages and agent replies with text, in order; channel and customer from the latest event that
   * carries them.
   */
  public static ClassificationRequest fromEvents(String conversationId, List<JourneyEvent> events, List<String> tags) {
    List<ConversationMessage> messages = new ArrayList<>();
    Channel channel = null;
    Customer customer = null;
    for (JourneyEvent e : events) {
      channel = e.channel() != null ? e.channel() : channel;
      customer = e.customer() != null ? e.customer() : customer;
      if (e.text() == null || e.text().isBlank()) {
        continue;
      }
      if (e.type() != null && e.type().fromCustomer()) {
        messages.add(new ConversationMessage(e.text(), ConversationMessage.Author.CUSTOMER, e.occurredAt()));
      } else if (e.type() == EventType.AGENT_REPLIED) {
        messages.add(new ConversationMessage(e.text(), ConversationMessage.Author.AGENT, e.occurredAt()));
      }
    }
    return new ClassificationRequest(conversationId, messages, channel, customer, tags);
  }

  /** The customer's messages joined by newlines, oldest first: what gets classified. */
  public String customerText() {
    return messages.stream()
        .filter(m -> m.author() == ConversationMessage.Author.CUSTOMER && m.text() != null)
        .map(ConversationMessage::text)
        .collect(Collectors.joining("\n"));
  }

  /** The customer's tier, or null when unknown. */
  public String customerTier() {
    return customer == null ? null : customer.tier();
  }
}

package io.handoff.intent;

import io.handoff.journey.Channel;
import io.handoff.journey.Customer;
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

package io.handoff.journey;

import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.problem.FieldError;
import io.handoff.ticket.TextLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits every inbound event and comment meets, whatever its entry point (REST, Sunshine and
 * Zendesk webhooks): conversation ids like REST path ids, event ids of 1-128 characters without
 * control characters, texts of at most {@link TextLimits#MAX_TEXT} characters.
 */
public final class EventLimits {
  private EventLimits() {}

  /** Every limit the event breaks, each naming its field; empty when the event is acceptable. */
  public static List<FieldError> problems(JourneyEvent event) {
    List<FieldError> out = new ArrayList<>();
    if (!JourneyIds.isValidConversationId(event.conversationId())) {
      out.add(new FieldError("conversationId", "must be 1-128 characters of letters, digits, '.', '_', ':', '@' or '-'"));
    }
    String id = event.eventId();
    if (id == null || id.isBlank() || id.length() > 128 || id.chars().anyMatch(Character::isISOControl)) {
      out.add(new FieldError("eventId", "must be 1-128 characters without control characters"));
    }
    FieldError text = TextLimits.text("text", event.text());
    if (text != null) {
      out.add(text);
    }
    return out;
  }

  /**
   * Whether this event may be a conversation's first: {@code conversation.started} and
   * {@code message.received}. Any other event for a conversation Handoff never saw is refused rather
   * than starting an empty journey.
   */
  public static boolean opensJourney(EventType type) {
    return type == EventType.CONVERSATION_STARTED || type == EventType.MESSAGE_RECEIVED;
  }
}

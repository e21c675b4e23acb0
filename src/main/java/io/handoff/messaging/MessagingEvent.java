package io.handoff.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.handoff.model.EventType;
import java.util.Locale;

/**
 * The events a messaging trigger runs on (Zendesk's "Run trigger"), plus the two Handoff adds.
 * {@code conversation_requested} (Zendesk's label) is accepted for {@code conversation_started}.
 */
public enum MessagingEvent {
  CONVERSATION_STARTED,
  MESSAGE_SENT,
  ADDED_TO_QUEUE,
  ASSIGNED_FROM_QUEUE,
  CONVERSATION_ENDED,
  SESSION_INACTIVE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name or Zendesk's alias; null when unknown. */
  @JsonCreator
  public static MessagingEvent fromWire(String name) {
    if (name == null) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("conversation_requested")) {
      return CONVERSATION_STARTED;
    }
    for (MessagingEvent e : values()) {
      if (e.wireName().equals(n)) {
        return e;
      }
    }
    return null;
  }

  /** The trigger event for an inbound journey event; null when messaging triggers do not run on it. */
  public static MessagingEvent of(EventType type) {
    return switch (type) {
      case CONVERSATION_STARTED -> CONVERSATION_STARTED;
      case MESSAGE_RECEIVED, CUSTOMER_REPLIED, AGENT_REPLIED -> MESSAGE_SENT;
      case CONVERSATION_QUEUED -> ADDED_TO_QUEUE;
      case CONVERSATION_ASSIGNED -> ASSIGNED_FROM_QUEUE;
      case CONVERSATION_ENDED -> CONVERSATION_ENDED;
    };
  }
}

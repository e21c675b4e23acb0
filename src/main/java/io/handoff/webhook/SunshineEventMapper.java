package io.handoff.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a Sunshine Conversations v2 webhook body ({@code {"app", "webhook", "events": [...]}}) onto
 * v1 journey events: {@code conversation:create} → conversation.started, {@code
 * conversation:message} from a user → message.received, {@code conversation:remove} →
 * conversation.ended. Business-authored messages are skipped: they are Handoff's own messages or
 * agent replies, which reach the journey through the helpdesk. The Sunshine event id becomes the
 * journey event id, so a redelivered event is applied once.
 */
public final class SunshineEventMapper {

  private static final Map<String, Channel> SOURCES = Map.of(
      "web", Channel.WEB_WIDGET, "ios", Channel.IOS, "android", Channel.ANDROID,
      "whatsapp", Channel.WHATSAPP, "messenger", Channel.FACEBOOK, "instagram", Channel.INSTAGRAM,
      "mail", Channel.EMAIL, "api", Channel.API);

  /** The journey events of a webhook body, in order; events Handoff does not track are skipped. */
  public List<JourneyEvent> map(JsonNode body, Instant receivedAt) {
    List<JourneyEvent> out = new ArrayList<>();
    for (JsonNode event : body.path("events")) {
      JsonNode payload = event.path("payload");
      String conversationId = text(payload.path("conversation").path("id"));
      String eventId = text(event.path("id"));
      if (conversationId == null || eventId == null) {
        continue;
      }
      Instant occurredAt = instant(text(event.path("createdAt")));
      switch (event.path("type").asText("")) {
        case "conversation:create" -> out.add(new JourneyEvent(eventId, conversationId,
            EventType.CONVERSATION_STARTED, occurredAt, receivedAt,
            channel(payload.path("source")), null, null, customer(payload.path("user")), null,
            null));
        case "conversation:message" -> {
          JsonNode message = payload.path("message");
          JsonNode author = message.path("author");
          if ("user".equals(author.path("type").asText())) {
            out.add(new JourneyEvent(eventId, conversationId, EventType.MESSAGE_RECEIVED,
                occurredAt, receivedAt, channel(message.path("source")), messageText(message),
                null, customer(author), null, null));
          }
        }
        case "conversation:remove" -> out.add(new JourneyEvent(eventId, conversationId,
            EventType.CONVERSATION_ENDED, occurredAt, receivedAt, null, null, null, null, null,
            null));
        default -> {
          // Typing, read receipts, postbacks and switchboard events do not move a journey.
        }
      }
    }
    return out;
  }

  private static Customer customer(JsonNode author) {
    JsonNode user = author.path("user").isObject() ? author.path("user") : author;
    String id = first(text(user.path("externalId")), text(user.path("id")),
        text(author.path("userId")));
    if (id == null) {
      return null;
    }
    JsonNode profile = user.path("profile");
    String name = first(text(author.path("displayName")), join(text(profile.path("givenName")),
        text(profile.path("surname"))));
    return new Customer(id, name, text(profile.path("email")), text(profile.path("locale")), null,
        Map.of());
  }

  private static String messageText(JsonNode message) {
    JsonNode content = message.path("content");
    return first(text(content.path("text")), text(content.path("altText")));
  }

  private static Channel channel(JsonNode source) {
    return SOURCES.get(source.path("type").asText(""));
  }

  private static Instant instant(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String join(String a, String b) {
    String s = ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
    return s.isEmpty() ? null : s;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String text(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? null : n.asText();
  }
}

package io.handoff.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.model.Agent;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.problem.FieldError;
import io.handoff.problem.Problem;
import io.handoff.problem.ProblemException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates an inbound event body of public contract v1. Every problem is collected and
 * reported at once, each naming its field; nothing is accepted unless the whole body is valid.
 */
public final class EventParser {
  public static final int MAX_TEXT = io.handoff.ticket.TextLimits.MAX_TEXT;
  private static final int MAX_SHORT = 512;
  private static final int MAX_ATTRIBUTES = 50;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> TOP = Set.of("type", "occurredAt", "channel", "text", "pageUrl", "customer",
      "agent", "group", "eventId");
  private static final Set<String> CUSTOMER = Set.of("id", "name", "email", "locale", "tier", "attributes");
  private static final Set<String> AGENT = Set.of("id", "name");
  private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(100_000).build())
      .build());

  private final List<FieldError> errors = new ArrayList<>();

  private EventParser() {}

  /** Parses raw request bytes; throws {@link ProblemException} naming every invalid field. */
  public static JourneyEvent parse(String conversationId, byte[] body, String eventIdHint, Instant receivedAt) {
    JsonNode root = readJson(body);
    return new EventParser().toEvent(conversationId, root, eventIdHint, receivedAt);
  }

  /**
   * Parses one event body already read as JSON (an element of a replay's {@code events}); throws
   * {@link ProblemException} naming every invalid field, as {@link #parse(String, byte[], String, Instant)}.
   */
  static JourneyEvent parse(String conversationId, JsonNode event, String eventIdHint, Instant receivedAt) {
    return new EventParser().toEvent(conversationId, event, eventIdHint, receivedAt);
  }

  /**
   * The event type a body names, for counting a refused body: the wire name when it is one of the v1
   * types, else "unknown" (never the raw value, which could be anything).
   */
  public static String typeOf(byte[] body) {
    try {
      JsonNode type = readJson(body).get("type");
      EventType t = type == null || !type.isTextual() ? null : EventType.fromWire(type.asText());
      return t == null ? "unknown" : t.wireName();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  static JsonNode readJson(byte[] body) {
    if (body == null || body.length == 0) {
      throw ProblemException.invalid("body", "a JSON object is required");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.invalid("body", "the body is not valid UTF-8");
    }
    try {
      JsonNode node = STRICT.readTree(text);
      if (node == null || !node.isObject()) {
        throw ProblemException.invalid("body", "a JSON object is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")";
      throw new ProblemException(new Problem(Problem.type("malformed-json"), "Malformed JSON",
          400, "the request body is not valid JSON" + where + ": " + e.getOriginalMessage(), "body", null, null));
    }
  }

  private JourneyEvent toEvent(String conversationId, JsonNode root, String eventIdHint, Instant receivedAt) {
    unknownFields(root, TOP, "");
    EventType type = null;
    String typeName = string(root, "type", "type", MAX_SHORT, true);
    if (typeName != null) {
      type = EventType.fromWire(typeName);
      if (type == null) {
        error("type", "unknown event type '" + clip(typeName) + "'; expected one of " + typeNames());
      }
    }
    Instant occurredAt = instant(root, "occurredAt");
    Channel channel = null;
    String channelName = string(root, "channel", "channel", MAX_SHORT, false);
    if (channelName != null) {
      channel = Channel.fromWire(channelName);
      if (channel == null) {
        error("channel", "unknown channel '" + clip(channelName) + "'; expected one of web_widget, ios, android,"
            + " whatsapp, facebook, instagram, email, api");
      }
    }
    boolean needsText = type == EventType.MESSAGE_RECEIVED || type == EventType.CUSTOMER_REPLIED
        || type == EventType.AGENT_REPLIED;
    String text = string(root, "text", "text", MAX_TEXT, needsText);
    if (needsText && text != null && text.isBlank()) {
      error("text", "must not be blank for " + type.wireName());
    }
    String pageUrl = url(root);
    Customer customer = customer(root.get("customer"));
    Agent agent = agent(root.get("agent"), type == EventType.AGENT_REPLIED);
    String group = string(root, "group", "group", MAX_SHORT, false);
    String eventId = string(root, "eventId", "eventId", 128, false);
    if (eventId != null && eventId.isBlank()) {
      error("eventId", "must not be blank");
    }
    if (eventId == null) {
      eventId = eventIdHint;
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid(errors));
    }
    return new JourneyEvent(eventId, conversationId, type, occurredAt, receivedAt, channel, text, pageUrl,
        customer, agent, group);
  }

  private Customer customer(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      error("customer", "must be an object");
      return null;
    }
    unknownFields(node, CUSTOMER, "customer.");
    String email = string(node, "email", "customer.email", MAX_SHORT, false);
    if (email != null && !EMAIL.matcher(email).matches()) {
      error("customer.email", "is not an e-mail address");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode attrs = node.get("attributes");
    if (attrs != null && !attrs.isNull()) {
      if (!attrs.isObject()) {
        error("customer.attributes", "must be an object of strings, numbers or booleans");
      } else if (attrs.size() > MAX_ATTRIBUTES) {
        error("customer.attributes", "at most " + MAX_ATTRIBUTES + " attributes are allowed");
      } else {
        attrs.fields().forEachRemaining(f -> {
          if (f.getValue().isValueNode() && !f.getValue().isNull()) {
            String v = f.getValue().asText();
            if (v.length() > MAX_SHORT || f.getKey().length() > 100) {
              error("customer.attributes." + f.getKey(), "is longer than " + MAX_SHORT + " characters");
            } else {
              attributes.put(f.getKey(), v);
            }
          } else {
            error("customer.attributes." + f.getKey(), "must be a string, number or boolean");
          }
        });
      }
    }
    return new Customer(string(node, "id", "customer.id", MAX_SHORT, false),
        string(node, "name", "customer.name", MAX_SHORT, false), email,
        string(node, "locale", "customer.locale", 35, false), string(node, "tier", "customer.tier", 100, false),
        attributes);
  }

  private Agent agent(JsonNode node, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        error("agent", "is required for agent.replied");
      }
      return null;
    }
    if (!node.isObject()) {
      error("agent", "must be an object");
      return null;
    }
    unknownFields(node, AGENT, "agent.");
    String id = string(node, "id", "agent.id", MAX_SHORT, required);
    return new Agent(id, string(node, "name", "agent.name", MAX_SHORT, false));
  }

  private String url(JsonNode root) {
    String s = string(root, "pageUrl", "pageUrl", 2048, false);
    if (s == null) {
      return null;
    }
    try {
      URI u = URI.create(s);
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
        error("pageUrl", "must be an http or https URL");
        return null;
      }
      return s;
    } catch (IllegalArgumentException e) {
      error("pageUrl", "is not a URL");
      return null;
    }
  }

  private Instant instant(JsonNode root, String field) {
    String s = string(root, field, field, 64, false);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        error(field, "is not an ISO-8601 date-time with offset, e.g. 2026-11-25T10:15:30Z");
        return null;
      }
    }
  }

  private String string(JsonNode parent, String name, String field, int maxLength, boolean required) {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!n.isTextual()) {
      error(field, "must be a string, not " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return null;
    }
    String s = n.textValue();
    if (s.length() > maxLength) {
      error(field, "is longer than " + maxLength + " characters");
      return null;
    }
    if (s.indexOf('\u0000') >= 0) {
      error(field, "must not contain NUL characters");
      return null;
    }
    return s;
  }

  private void unknownFields(JsonNode node, Set<String> known, String prefix) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        error(prefix + clip(name), "unknown field");
      }
    }
  }

  private void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static String typeNames() {
    StringBuilder sb = new StringBuilder();
    for (EventType t : EventType.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(t.wireName());
    }
    return sb.toString();
  }
}

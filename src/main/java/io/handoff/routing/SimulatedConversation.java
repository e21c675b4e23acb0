package io.handoff.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One recorded conversation to simulate, one JSON object per line:
 * {@code {"conversationId", "channel", "customer": {id, name, email, locale, tier, attributes},
 * "messages": ["text" | {"text"}], "pageUrl"?, "startedAt"?, "finalGroup"?}}. Messages are the
 * customer's, in order; {@code finalGroup} is where a human finally routed it (for accuracy).
 */
public record SimulatedConversation(String conversationId, Channel channel, Customer customer, List<String> messages,
    String pageUrl, Instant startedAt, String finalGroup) {

  /** Used when a line has no {@code startedAt}: a Monday morning, so replays are deterministic. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T10:00:00Z");

  private static final Set<String> FIELDS = Set.of("conversationId", "channel", "customer", "messages", "pageUrl",
      "startedAt", "finalGroup");
  private static final ObjectMapper JSON = new ObjectMapper();

  public SimulatedConversation {
    messages = List.copyOf(messages);
  }

  /** Reads JSONL lines; blank lines and # comments are skipped; a bad line fails as {@code source:line: why}. */
  public static List<SimulatedConversation> read(List<String> lines, String source) throws IOException {
    List<SimulatedConversation> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        out.add(parse(JSON.readTree(line)));
      } catch (IOException | IllegalArgumentException e) {
        String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
            : e.getMessage();
        throw new IOException(source + ":" + (i + 1) + ": " + why, e);
      }
    }
    return out;
  }

  private static SimulatedConversation parse(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("each line must be a JSON object");
    }
    n.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("unknown field \"" + f + "\"");
      }
    });
    String id = text(n, "conversationId");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("conversationId is required");
    }
    String channelName = text(n, "channel");
    Channel channel = channelName == null ? null : Channel.fromWire(channelName);
    if (channelName != null && channel == null) {
      throw new IllegalArgumentException("unknown channel \"" + channelName + "\"");
    }
    List<String> messages = new ArrayList<>();
    for (JsonNode m : n.path("messages")) {
      String t = m.isTextual() ? m.asText() : m.path("text").asText(null);
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException("messages must be texts or {\"text\": ...}");
      }
      messages.add(t);
    }
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must hold at least one customer message");
    }
    return new SimulatedConversation(id, channel, customer(n.path("customer")), messages, text(n, "pageUrl"),
        instant(text(n, "startedAt")), text(n, "finalGroup"));
  }

  private static Customer customer(JsonNode c) {
    if (c.isMissingNode() || c.isNull()) {
      return null;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    c.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
    return new Customer(text(c, "id"), text(c, "name"), text(c, "email"), text(c, "locale"), text(c, "tier"),
        attributes);
  }

  private static Instant instant(String s) {
    try {
      return s == null ? DEFAULT_START : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("startedAt is not an ISO-8601 instant");
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}

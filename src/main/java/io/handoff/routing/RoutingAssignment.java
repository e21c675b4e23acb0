package io.handoff.routing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Which router acts on a conversation; the other shadows. A per-channel choice wins; otherwise, with an
 * A/B split, a stable hash of the conversation id puts it in the AI bucket when below the percentage;
 * otherwise the global default. Pure and deterministic, so the workflow may call it.
 *
 * @param defaultActive "ai" or "rules"
 * @param perChannel channel wire name → "ai" or "rules"
 * @param aiPercent 0-100 for an A/B split by conversation, or -1 for none
 */
public record RoutingAssignment(String defaultActive, Map<String, String> perChannel, int aiPercent) {
  public static final String AI = "ai";
  public static final String RULES = "rules";
  public static final RoutingAssignment AI_ACTS = new RoutingAssignment(AI, Map.of(), -1);

  public RoutingAssignment {
    perChannel = perChannel == null ? Map.of() : Map.copyOf(perChannel);
  }

  /** The acting router for a conversation on a channel (channel may be null). */
  public String activeFor(String conversationId, String channel) {
    if (channel != null && perChannel.containsKey(channel)) {
      return perChannel.get(channel);
    }
    if (aiPercent >= 0) {
      return bucket(conversationId) < aiPercent ? AI : RULES;
    }
    return defaultActive;
  }

  /** The conversation's A/B bucket, 0-99, from a 32-bit FNV-1a hash of its id. */
  public static int bucket(String conversationId) {
    int h = 0x811c9dc5;
    for (byte b : conversationId.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return Integer.remainderUnsigned(h, 100);
  }
}

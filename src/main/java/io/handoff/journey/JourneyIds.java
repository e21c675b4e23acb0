package io.handoff.journey;

import java.util.regex.Pattern;

/** Builds and parses journey workflow ids; the only place that knows the {@code journey-} prefix. */
public final class JourneyIds {
  private static final String PREFIX = "journey-";
  private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private JourneyIds() {}

  public static String journeyId(String conversationId) {
    return PREFIX + conversationId;
  }

  /** The conversation id inside a journey id, or null when the id is not a journey id. */
  public static String conversationId(String journeyId) {
    return journeyId != null && journeyId.startsWith(PREFIX) ? journeyId.substring(PREFIX.length()) : null;
  }

  /** True when the id is acceptable as a conversation id (safe in URLs, workflow ids and logs), on every entry point. */
  public static boolean isValidConversationId(String id) {
    // "." and ".." are path segments, not ids: an HTTP client or proxy would resolve them away.
    return id != null && CONVERSATION_ID.matcher(id).matches() && !id.chars().allMatch(c -> c == '.');
  }
}

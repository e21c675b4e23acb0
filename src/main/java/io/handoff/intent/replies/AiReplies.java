package io.handoff.intent.replies;

import io.handoff.intent.HandoffDecision;
import java.util.Map;
import java.util.Optional;

/**
 * What the AI stage says to the customer when it keeps the conversation instead of handing it off
 * ({@code prompts/replies.yaml}): reviewed texts, never generated ones, so a customer's message can
 * never make the AI say something nobody wrote.
 *
 * @param version the file's content hash
 * @param defaultLanguage the language used when the customer's has no text
 * @param clarify the question asked when the AI is unsure ({@link HandoffDecision#ASK_CLARIFICATION}), by language
 * @param resolve the answers when it resolves ({@link HandoffDecision#AI_RESOLVES}), by intent then language; the
 *     intent {@value #DEFAULT_INTENT} answers intents without their own
 */
public record AiReplies(String version, String defaultLanguage, Map<String, String> clarify,
    Map<String, Map<String, String>> resolve) {

  public static final String DEFAULT_INTENT = "default";

  /** No replies: the AI stage sends nothing (no {@code replies.yaml}). */
  public static final AiReplies NONE = new AiReplies("none", "en", Map.of(), Map.of());

  /** A reply and the language it is in. */
  public record Reply(String text, String language) {}

  /**
   * The reply for a decision the AI keeps: in the customer's language when the file has it, else in
   * the default language; empty for a handoff, or when the file has no text for the case.
   */
  public Optional<Reply> reply(HandoffDecision decision, String intent, String language) {
    Map<String, String> texts = switch (decision) {
      case ASK_CLARIFICATION -> clarify;
      case AI_RESOLVES -> resolve.getOrDefault(intent == null ? DEFAULT_INTENT : intent,
          resolve.getOrDefault(DEFAULT_INTENT, Map.of()));
      default -> Map.of();
    };
    if (language != null && texts.containsKey(language)) {
      return Optional.of(new Reply(texts.get(language), language));
    }
    return Optional.ofNullable(texts.get(defaultLanguage)).map(t -> new Reply(t, defaultLanguage));
  }
}

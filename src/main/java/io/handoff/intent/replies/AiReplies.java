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
 *     intent {@value #DEFAULT_INTENT} answers intents without their own. Only intents with an answer of
 *     their own may be resolved by the AI ({@link #answerableIntents()})
 * @param handoff the acknowledgement sent when a person takes over ({@link HandoffDecision#HANDOFF_TO_HUMAN}),
 *     by language
 */
public record AiReplies(String version, String defaultLanguage, Map<String, String> clarify,
    Map<String, Map<String, String>> resolve, Map<String, String> handoff) {

  public static final String DEFAULT_INTENT = "default";

  /** No replies: the AI stage sends nothing (no {@code replies.yaml}). */
  public static final AiReplies NONE = new AiReplies("none", "en", Map.of(), Map.of(), Map.of());

  public AiReplies {
    handoff = handoff == null ? Map.of() : Map.copyOf(handoff);
  }

  /**
   * The intents with a reviewed answer of their own: the only ones the AI may resolve. The
   * {@value #DEFAULT_INTENT} answer does not count, it answers nothing specific.
   */
  public java.util.Set<String> answerableIntents() {
    java.util.Set<String> out = new java.util.TreeSet<>(resolve.keySet());
    out.remove(DEFAULT_INTENT);
    return out;
  }

  /** A reply and the language it is in. */
  public record Reply(String text, String language) {}

  /**
   * The reply for a decision: the answer or clarifying question the AI keeps, or the acknowledgement of a
   * handoff; in the customer's language when the file has it, else in the default language; empty
   * when the file has no text for the case.
   */
  public Optional<Reply> reply(HandoffDecision decision, String intent, String language) {
    Map<String, String> texts = switch (decision) {
      case ASK_CLARIFICATION -> clarify;
      case AI_RESOLVES -> resolve.getOrDefault(intent == null ? DEFAULT_INTENT : intent,
          resolve.getOrDefault(DEFAULT_INTENT, Map.of()));
      case HANDOFF_TO_HUMAN -> handoff;
    };
    if (language != null && texts.containsKey(language)) {
      return Optional.of(new Reply(texts.get(language), language));
    }
    return Optional.ofNullable(texts.get(defaultLanguage)).map(t -> new Reply(t, defaultLanguage));
  }
}

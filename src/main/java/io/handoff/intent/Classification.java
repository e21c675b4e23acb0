package io.handoff.intent;

import java.util.List;

/**
 * What a classifier concluded about a conversation. Jackson-serialisable: it is part of a Temporal
 * activity result and so of the journey's history.
 *
 * @param intent the most likely intent (taxonomy name)
 * @param intents every intent above the classifier's calibrated threshold (multi-label), may be empty
 * @param confidence the score of {@code intent}, in [0, 1]
 * @param language detected language (ISO 639-1 where one exists, else ISO 639-3), or "und"
 * @param languageSupported whether the classifier has exemplars / support for that language
 * @param handoff the classifier's own decision, before the handoff policy
 * @param reason a short human-readable reason for the decision
 * @param inputTokens prompt tokens used (LLM only, else null)
 * @param outputTokens completion tokens used (LLM only, else null)
 * @param costUsd cost of the call when the price is configured, else null
 * @param fallbackReason why a fallback classifier produced this result, or null when none did
 * @param topIntents the best intents with their scores, best first
 */
public record Classification(
    String intent,
    List<String> intents,
    double confidence,
    String language,
    boolean languageSupported,
    Urgency urgency,
    HandoffDecision handoff,
    String reason,
    long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    Double costUsd,
    String classifier,
    String classifierVersion,
    String fallbackReason,
    List<IntentScore> topIntents) {

  public Classification {
    intents = intents == null ? List.of() : List.copyOf(intents);
    topIntents = topIntents == null ? List.of() : List.copyOf(topIntents);
  }

  /** A copy with the measured latency. */
  public Classification withLatencyMs(long ms) {
    return new Classification(intent, intents, confidence, language, languageSupported, urgency,
        handoff, reason, ms, inputTokens, outputTokens, costUsd, classifier, classifierVersion,
        fallbackReason, topIntents);
  }

  /** A copy recording that this result is a fallback, and why. */
  public Classification withFallbackReason(String why) {
    return new Classification(intent, intents, confidence, language, languageSupported, urgency,
        handoff, reason, latencyMs, inputTokens, outputTokens, costUsd, classifier, classifierVersion,
        why, topIntents);
  }

  /** A copy with a different handoff decision and reason. */
  public Classification withHandoff(HandoffDecision decision, String why) {
    return new Classification(intent, intents, confidence, language, languageSupported, urgency,
        decision, why, latencyMs, inputTokens, outputTokens, costUsd, classifier, classifierVersion,
        fallbackReason, topIntents);
  }
}

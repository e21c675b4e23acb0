package io.handoff.intent;

import io.handoff.intent.llm.LlmIntentClassifier;
import io.handoff.intent.policy.HandoffPolicy;

/**
 * The classifiers and the handoff policy, loaded once. Plain Java so the activity, the CLI and tests
 * share it; the activity only adds Temporal's attempt information.
 */
public final class IntentService {
  private final IntentClassifier ai;
  private final IntentClassifier rules;
  private final HandoffPolicy policy;

  public IntentService(IntentClassifier ai, IntentClassifier rules, HandoffPolicy policy) {
    this.ai = ai;
    this.rules = rules;
    this.policy = policy;
  }

  /**
   * @param lastAttempt whether no retry is left; only then may an LLM outage fall back
   * @throws io.handoff.intent.llm.LlmUnavailableException on a 429/5xx when retries remain
   */
  public RoutingDecision classifyAi(ClassificationRequest request, boolean lastAttempt) {
    Classification c = ai instanceof LlmIntentClassifier llm ? llm.classify(request, lastAttempt) : ai.classify(request);
    return policy.decide(request, c);
  }

  /**
   * The AI router's decision when its classifier could not be run: the LLM's offline fallback with the
   * reason recorded; an offline classifier just classifies again (it has no outage to fall back from).
   */
  public RoutingDecision classifyAiFallback(ClassificationRequest request, String reason) {
    Classification c = ai instanceof LlmIntentClassifier llm ? llm.fallback(request, reason)
        : ai.classify(request).withFallbackReason(ai.name() + " failed: " + reason);
    return policy.decide(request, c);
  }

  public RoutingDecision classifyRules(ClassificationRequest request) {
    return policy.decide(request, rules.classify(request));
  }

  public IntentClassifier ai() {
    return ai;
  }
}

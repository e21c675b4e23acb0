package io.handoff.intent;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The AI-triage step of a journey: classifiers plus the handoff policy, as named activities whose
 * results (the full {@link RoutingDecision}, including any fallback reason) land in the history.
 * Both methods are read-only, so retries are safe without an idempotency key.
 */
@ActivityInterface(namePrefix = "Intent")
public interface IntentActivities {
  /** Attempts of {@link #defaultOptions()}; the last one falls back instead of failing. */
  int MAX_ATTEMPTS = 3;

  /**
   * Classifies with the configured AI classifier ({@code handoff.ai.classifier}: offline or llm).
   * An LLM 429 or 5xx fails the attempt (honouring Retry-After) until the last attempt of the retry
   * policy, which falls back to the offline classifier instead; other LLM failures fall back at once.
   */
  @ActivityMethod
  RoutingDecision classifyAi(ClassificationRequest request);

  /**
   * The AI router's decision when {@link #classifyAi} failed for good (every attempt failed or timed out):
   * the offline fallback, never calling the LLM, with {@code reason} recorded as the fallback reason.
   */
  @ActivityMethod
  RoutingDecision classifyAiFallback(ClassificationRequest request, String reason);

  /** Classifies with the rules router of {@code workflows/routing.yaml} (the baseline). */
  @ActivityMethod
  RoutingDecision classifyRules(ClassificationRequest request);

  /**
   * Options the workflow should use for these activities: a start-to-close timeout above the LLM
   * timeout, and a bounded retry policy, whose last attempt always returns a (fallback) decision.
   */
  static ActivityOptions defaultOptions() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(60))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumAttempts(MAX_ATTEMPTS)
            .build())
        .build();
  }
}

/**
 * The AI stage: classify a conversation's intent and decide the handoff (README, "The journey";
 * docs/ai-eval.md).
 *
 * <p>Entry points: {@link io.handoff.intent.IntentActivities} (what the journey workflow calls;
 * {@link io.handoff.intent.IntentActivitiesImpl} loads {@code prompts/} and {@code workflows/} once at
 * start), {@link io.handoff.intent.IntentService} and {@link io.handoff.intent.ClassifierFactory} (plain
 * Java, shared with the CLI), {@link io.handoff.intent.IntentClassifier} and its results
 * {@link io.handoff.intent.Classification} and {@link io.handoff.intent.RoutingDecision}.
 *
 * <p>Subpackages: {@code offline} (the default classifier), {@code llm}, {@code rules} (the rules router),
 * {@code taxonomy}, {@code policy} (handoff policy, human requests), {@code replies}, {@code eval}. Uses
 * {@code rules}, {@code ticket} (priorities), {@code metrics} and {@code journey} (channel and customer
 * types).
 */
package io.handoff.intent;

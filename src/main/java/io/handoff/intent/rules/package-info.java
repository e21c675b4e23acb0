/**
 * The rules router ({@code workflows/routing.yaml}): keyword, regex and tag rules that name an intent, the
 * baseline the AI is compared with.
 *
 * <p>Entry points: {@link io.handoff.intent.rules.RulesIntentClassifier},
 * {@link io.handoff.intent.rules.RoutingRulesLoader}.
 *
 * <p>Uses {@code intent} and {@code intent.offline} (language identification) only.
 */
package io.handoff.intent.rules;

/**
 * The handoff policy ({@code workflows/handoff-policy.yaml}: intent to group, confidence thresholds,
 * always-human intents and tiers, urgency to priority) and the detector of explicit requests for a person
 * ({@code prompts/human-requests.yaml}).
 *
 * <p>Entry points: {@link io.handoff.intent.policy.HandoffPolicy} with
 * {@link io.handoff.intent.policy.HandoffPolicyLoader},
 * {@link io.handoff.intent.policy.HumanRequestDetector} with
 * {@link io.handoff.intent.policy.HumanRequestsLoader}.
 *
 * <p>Uses {@code intent}, {@code intent.replies} and {@code ticket} (priorities); no CDI, no Temporal.
 */
package io.handoff.intent.policy;

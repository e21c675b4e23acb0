/**
 * Ordered SLA policies ({@code workflows/sla-policies.yaml}, docs/sla.md): filters kept as data, targets
 * per metric and priority, warnings and escalation actions.
 *
 * <p>Entry points: {@link io.handoff.sla.policy.SlaPolicyLoader},
 * {@link io.handoff.sla.policy.SlaPolicies}, {@link io.handoff.sla.policy.SlaTargets},
 * {@link io.handoff.sla.policy.SlaPolicyMatcher} and {@link io.handoff.sla.policy.SupportFilterMatcher} (the
 * filter evaluated by the trigger kernel over a support ticket's facts).
 *
 * <p>Uses {@code sla.hours}, {@code yaml}, {@code ticket}, the trigger kernel and {@code support} (escalation
 * actions are support actions; filters read a ticket as support facts); no CDI, no Temporal.
 */
package io.handoff.sla.policy;

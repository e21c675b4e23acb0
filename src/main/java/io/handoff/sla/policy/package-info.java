/**
 * Ordered SLA policies ({@code workflows/sla-policies.yaml}, docs/sla.md): filters kept as data, targets
 * per metric and priority, warnings and escalation actions.
 *
 * <p>Entry points: {@link io.handoff.sla.policy.SlaPolicyLoader},
 * {@link io.handoff.sla.policy.SlaPolicies}, {@link io.handoff.sla.policy.SlaTargets},
 * {@link io.handoff.sla.policy.SlaPolicyMatcher} (the filter is evaluated by the trigger kernel through
 * {@code support.SupportFilterMatcher}).
 *
 * <p>Uses {@code sla.hours}, {@code yaml} and {@code ticket} only; no CDI, no Temporal.
 */
package io.handoff.sla.policy;

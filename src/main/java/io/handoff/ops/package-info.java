/**
 * Operations wiring at the top of the dependency graph: {@link io.handoff.ops.MetricsBinder} refreshes the
 * gauges of {@code handoff_*} metrics in the background (journeys by stage, rules loaded, SLA policies, the
 * configured classifier) and declares the LLM counters at 0.
 *
 * <p>Reads whatever it reports on: {@code metrics}, {@code persistence} (the journey index), {@code rules}
 * (the rule directory in use), {@code config}, {@code intent}, {@code model}, {@code messaging},
 * {@code support} and {@code sla.policy}. Nothing in Handoff imports it.
 */
package io.handoff.ops;

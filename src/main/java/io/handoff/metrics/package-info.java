/**
 * Handoff's own Prometheus metrics ({@code handoff_*}, README, "Operations").
 *
 * <p>Entry points: {@link io.handoff.metrics.HandoffMetrics} (counters and timers recorded by services and
 * activities, never by workflow code), {@link io.handoff.metrics.MetricsBinder} (gauges refreshed in the
 * background), {@link io.handoff.metrics.UriTagFilter}.
 *
 * <p>Uses {@code persistence} (the journey index), {@code config}, and for its gauges and labels
 * {@code sla}, {@code sla.policy}, {@code trigger}, {@code support}, {@code messaging}, {@code intent.*}
 * and {@code journey} (stage names).
 */
package io.handoff.metrics;

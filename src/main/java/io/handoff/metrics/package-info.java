/**
 * Handoff's own Prometheus metrics ({@code handoff_*}, README, "Operations").
 *
 * <p>Entry points: {@link io.handoff.metrics.HandoffMetrics} (counters and timers recorded by services and
 * activities, never by workflow code; labels come in as plain strings, e.g.
 * {@link io.handoff.metrics.HandoffMetrics.Decision}), {@link io.handoff.metrics.UriTagFilter}. The gauges
 * refreshed in the background are {@code ops.MetricsBinder}'s.
 *
 * <p>A low layer: imports Micrometer, nothing from Handoff, so every engine may record here.
 */
package io.handoff.metrics;

/**
 * Handoff's Temporal connection: the server of {@code handoff.temporal.mode} (embedded test server, a
 * supervised Temporal CLI dev server, or a cluster), the client, the worker and its registrations, the
 * search attributes and the readiness check.
 *
 * <p>Entry points: {@link io.handoff.temporal.TemporalRuntime},
 * {@link io.handoff.temporal.WorkerActivities}, {@link io.handoff.temporal.WorkflowTypes},
 * {@link io.handoff.temporal.SearchAttributes}, {@link io.handoff.temporal.EmbeddedTemporalServer},
 * {@link io.handoff.temporal.TemporalDevServer}.
 *
 * <p>Uses the activity implementations it registers ({@code journey}, {@code messaging}, {@code intent},
 * {@code ticket}, {@code support}, {@code sla}, {@code routing}, {@code automation}), {@code privacy}
 * (payload codec) and {@code config}.
 */
package io.handoff.temporal;

/**
 * Handoff's Temporal connection: the server of {@code handoff.temporal.mode} (embedded test server, a
 * supervised Temporal CLI dev server, or a cluster), the client, the worker, the search attributes and the
 * readiness check.
 *
 * <p>Entry points: {@link io.handoff.temporal.TemporalRuntime},
 * {@link io.handoff.temporal.WorkerRegistrations} (what the worker registers, implemented by
 * {@code journey.WorkerActivities}), {@link io.handoff.temporal.SearchAttributes},
 * {@link io.handoff.temporal.EmbeddedTemporalServer}, {@link io.handoff.temporal.TemporalDevServer}.
 *
 * <p>Uses {@code privacy} (payload codec) and {@code config} only: it imports no workflow or activity, so
 * {@code journey} may use the client and the search attributes.
 */
package io.handoff.temporal;

/**
 * Seeded malformed and hostile HTTP requests and the checks of their answers, shared by
 * {@code io.handoff.api.HostileInputTest}, {@code io.handoff.auth.LongTargetBeforeAuthTest} and the
 * hostile-input harness ({@code io.handoff.bench.hostile.HostileHarness}, compiled with {@code -Pbench}).
 *
 * <p>Entry points: {@link io.handoff.testing.hostile.HostileRequests} (the generator),
 * {@link io.handoff.testing.hostile.RawHttp} (sends bytes as written), {@link io.handoff.testing.hostile.HostileChecks}.
 * Uses no Handoff package: it talks to the service over a socket only.
 */
package io.handoff.testing.hostile;

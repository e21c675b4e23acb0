/**
 * The two routers side by side: which one acts on a conversation, their stored decisions, the rules-vs-AI
 * comparison report, and the simulation of recorded conversations (README, {@code simulate}).
 *
 * <p>Entry points: {@link io.handoff.routing.RoutingAssignment},
 * {@link io.handoff.routing.RoutingActivities} ({@link io.handoff.routing.RoutingActivitiesImpl} writes
 * through {@link io.handoff.routing.RoutingStore}), {@link io.handoff.routing.ComparisonCalculator},
 * {@link io.handoff.routing.Simulation}.
 *
 * <p>Uses {@code intent.*}, {@code messaging}, {@code trigger}, {@code rules} and {@code journey} (event
 * and customer types).
 */
package io.handoff.routing;

/**
 * The journey's plain data types, shared by the packages that handle one conversation: the inbound
 * {@link io.handoff.model.JourneyEvent} (with its {@link io.handoff.model.EventType},
 * {@link io.handoff.model.Channel}, {@link io.handoff.model.Customer} and {@link io.handoff.model.Agent}),
 * the journey {@link io.handoff.model.Stage} and the routing decisions shown for it
 * ({@link io.handoff.model.RoutingView}).
 *
 * <p>A bottom layer: records and enums only, importing Jackson annotations and the JDK, nothing from
 * Handoff. Their JSON shapes are the event API's and the workflow payloads' (recorded histories replay
 * them), so fields and wire names do not change.
 */
package io.handoff.model;

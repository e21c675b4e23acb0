/**
 * Handoff's configuration mappings: {@link io.handoff.config.HandoffConfig} (prefix {@code handoff}:
 * Temporal, journey, data directories), {@link io.handoff.config.RoutingConfig} ({@code handoff.routing})
 * and {@link io.handoff.config.RetentionConfig} ({@code handoff.retention}). Each key is in README, "Modes
 * and configuration".
 *
 * <p>A leaf: it uses no other Handoff package.
 */
package io.handoff.config;

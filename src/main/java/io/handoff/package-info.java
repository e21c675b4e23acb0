/**
 * Handoff's entry point: {@link io.handoff.HandoffMain} runs the service (Quarkus) with no arguments, or a
 * command of {@link io.handoff.cli} without starting it. Before the service starts, it checks every rule
 * file ({@link io.handoff.rules.StartupRuleCheck}).
 *
 * <p>Uses {@code cli} and {@code rules} only. Each subpackage's {@code package-info} says what it holds
 * and what it uses; {@code bench/package-cycles.py} counts the cycles between them.
 */
package io.handoff;

/**
 * Reading of the SLA rule files: {@link io.handoff.sla.yaml.YamlReader} (SnakeYAML nodes, errors as
 * {@code file:line}), {@link io.handoff.sla.yaml.Durations}, {@link io.handoff.sla.yaml.Loaded}.
 *
 * <p>Uses {@code rules} only.
 */
package io.handoff.sla.yaml;

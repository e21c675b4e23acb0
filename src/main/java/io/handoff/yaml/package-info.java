/**
 * Reading the YAML rule and prompt files: {@link io.handoff.yaml.YamlReader} (SnakeYAML nodes, every
 * problem reported as {@code file:line: message}), {@link io.handoff.yaml.Problems} (the problems of one
 * file), {@link io.handoff.yaml.Loaded} (a loaded value with its problems) and
 * {@link io.handoff.yaml.Durations} (the duration syntax of rule files).
 *
 * <p>A bottom layer: imports SnakeYAML and the JDK, and from Handoff only
 * {@link io.handoff.rules.RuleFileError}; every loader of {@code workflows/} and {@code prompts/} files
 * builds on it.
 */
package io.handoff.yaml;

/**
 * Reading the YAML rule and prompt files: {@link io.handoff.yaml.YamlReader} (SnakeYAML nodes, every
 * problem reported as {@code file:line: message}), {@link io.handoff.yaml.Problems} (the problems of one
 * file), {@link io.handoff.yaml.Loaded} (a loaded value with its problems) and
 * {@link io.handoff.yaml.Durations} (the duration syntax of rule files) and
 * {@link io.handoff.yaml.RuleFileError} (one problem of a rule file, {@code file:line}).
 *
 * <p>A bottom layer: imports SnakeYAML and the JDK, nothing from Handoff; every loader of
 * {@code workflows/} and {@code prompts/} files builds on it.
 */
package io.handoff.yaml;

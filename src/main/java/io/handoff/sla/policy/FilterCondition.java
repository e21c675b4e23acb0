package io.handoff.sla.policy;

/**
 * One condition of an SLA policy filter, kept as data in the support-trigger vocabulary
 * ({@code {field: priority, operator: is, value: urgent}}); the rule kernel evaluates it.
 *
 * @param value a String, a List of Strings (for a YAML list), or null (YAML null / empty)
 * @param line one-based line in the policy file, for traces and error messages
 */
public record FilterCondition(String field, String operator, Object value, int line) {}

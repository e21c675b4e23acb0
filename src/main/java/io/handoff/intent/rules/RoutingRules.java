package io.handoff.intent.rules;

import java.util.List;
import java.util.Set;

/**
 * The rules router of {@code workflows/routing.yaml}: rules in declared order, the languages its
 * keywords were written for, and the intent used when no rule matches.
 */
public record RoutingRules(String version, Set<String> languages, String fallbackIntent, List<RoutingRule> rules) {
  public RoutingRules {
    languages = Set.copyOf(languages);
    rules = List.copyOf(rules);
  }
}

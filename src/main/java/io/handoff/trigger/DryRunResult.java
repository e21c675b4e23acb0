package io.handoff.trigger;

import java.util.List;

/**
 * What one event would do under a rule set.
 *
 * @param outcome one line per decision (trigger fired, effect, field change), comparable across rule sets
 */
public record DryRunResult(String id, String kind, List<String> outcome, EvaluationTrace trace) {

  public DryRunResult {
    outcome = List.copyOf(outcome);
  }
}

package io.handoff.rules;

import io.handoff.yaml.RuleFileError;
import java.util.List;

/**
 * The result of loading a rule set: the rules (invalid triggers left out) and every problem found.
 * A rule set with errors must not be used; warnings are advice.
 */
public record RuleSetLoad(RuleSet ruleSet, List<RuleFileError> problems) implements io.handoff.rules.RuleFileProblems {

  public RuleSetLoad {
    problems = List.copyOf(problems);
  }
}

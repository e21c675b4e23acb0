package io.handoff.rules;

import io.handoff.yaml.RuleFileError;
import java.util.List;

/** The result of loading rule files: every problem found, errors stopping its use and warnings that are advice. */
public interface RuleFileProblems {

  /** Every error and warning, in the order found. */
  List<RuleFileError> problems();

  default List<RuleFileError> errors() {
    return problems().stream().filter(p -> p.severity() == RuleFileError.Severity.ERROR).toList();
  }

  default List<RuleFileError> warnings() {
    return problems().stream().filter(p -> p.severity() == RuleFileError.Severity.WARNING).toList();
  }

  /** True when there is no error (warnings allowed): only then may the result be used. */
  default boolean isValid() {
    return errors().isEmpty();
  }
}

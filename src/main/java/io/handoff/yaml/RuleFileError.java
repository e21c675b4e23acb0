package io.handoff.yaml;

/**
 * One problem found in a file under {@code workflows/} or {@code prompts/}. Printed as
 * {@code file:line: rule "name": message} (the rule part only when the problem belongs to a rule).
 */
public record RuleFileError(String file, int line, String rule, String message, Severity severity) {

  /** Errors stop a rule set from loading; warnings are reported but the rule set still loads. */
  public enum Severity { ERROR, WARNING }

  public static RuleFileError error(String file, int line, String rule, String message) {
    return new RuleFileError(file, line, rule, message, Severity.ERROR);
  }

  public static RuleFileError warning(String file, int line, String rule, String message) {
    return new RuleFileError(file, line, rule, message, Severity.WARNING);
  }

  @Override
  public String toString() {
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    String where = file + ":" + line + ": ";
    return rule == null ? where + prefix + message : where + prefix + "rule \"" + rule + "\": " + message;
  }
}

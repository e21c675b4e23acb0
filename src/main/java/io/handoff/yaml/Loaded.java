package io.handoff.yaml;

import java.util.List;

/**
 * The one load result of every rule and prompt file (under {@code workflows/} or {@code prompts/}): the
 * parsed value, or null when any {@link RuleFileError.Severity#ERROR} was found, plus every problem found
 * (all at once, in file order).
 */
public record Loaded<T>(T value, List<RuleFileError> errors) {

  public Loaded {
    errors = List.copyOf(errors);
  }

  /** True when the file loaded (warnings allowed). */
  public boolean ok() {
    return value != null && errors.stream().noneMatch(e -> e.severity() == RuleFileError.Severity.ERROR);
  }

  /** The value, or an exception listing every error when the file did not load. */
  public T orThrow() {
    if (!ok()) {
      StringBuilder sb = new StringBuilder("invalid rule file:");
      errors.forEach(e -> sb.append(System.lineSeparator()).append(e));
      throw new IllegalArgumentException(sb.toString());
    }
    return value;
  }
}

package io.handoff.intent;

import io.handoff.yaml.RuleFileError;
import java.util.List;

/** A loaded file's value (null when it could not be built) and every problem found in it. */
public record LoadResult<T>(T value, List<RuleFileError> errors) {
  public LoadResult {
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return value != null && errors.stream().noneMatch(e -> e.severity() == RuleFileError.Severity.ERROR);
  }

  /** The value, or an exception listing every error (for start-up, where bad files must stop us). */
  public T orThrow() {
    if (!ok()) {
      throw new InvalidFileException(errors);
    }
    return value;
  }

  /** Thrown at start-up when a file under prompts/ or workflows/ is invalid. */
  public static final class InvalidFileException extends IllegalArgumentException {
    private final List<RuleFileError> errors;

    public InvalidFileException(List<RuleFileError> errors) {
      super(String.join("\n", errors.stream().map(RuleFileError::toString).toList()));
      this.errors = List.copyOf(errors);
    }

    public List<RuleFileError> errors() {
      return errors;
    }
  }
}

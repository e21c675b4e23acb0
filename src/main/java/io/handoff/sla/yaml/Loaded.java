package io.handoff.sla.yaml;

import io.handoff.rules.RuleFileError;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of loading one file under {@code workflows/}: the parsed value, or null when any
 * {@link RuleFileError.Severity#ERROR} was found, plus every problem found (all at once, in file order).
 */
public record Loaded<T>(T value, List<RuleFileError> errors) {

  public Loaded {
    errors = List.copyOf(errors);
  }

  /**
   * A file that could not be read, as one error at line 0 (the whole file): "file not found" for a
   * missing file, so callers print {@code file:0: message} instead of a stack trace.
   */
  public static <T> Loaded<T> unreadable(Path file, IOException e) {
    String message = e instanceof NoSuchFileException ? "file not found" : "cannot read the file: " + e.getMessage();
    return new Loaded<>(null, List.of(RuleFileError.error(file.toString(), 0, null, message)));
  }

  /** True when the file loaded (warnings allowed). */
  public boolean ok() {
    return value != null;
  }

  /** The value, or an exception listing every error when the file did not load. */
  public T orThrow() {
    if (value == null) {
      StringBuilder sb = new StringBuilder("invalid rule file:");
      errors.forEach(e -> sb.append(System.lineSeparator()).append(e));
      throw new IllegalArgumentException(sb.toString());
    }
    return value;
  }
}

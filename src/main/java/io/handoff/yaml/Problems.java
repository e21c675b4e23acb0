package io.handoff.yaml;

import java.util.ArrayList;
import java.util.List;

/** Collects every error and warning of one rule file, so the loader reports them all at once. */
public final class Problems {

  private final String file;
  private final List<RuleFileError> found = new ArrayList<>();

  public Problems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void error(int line, String rule, String message) {
    found.add(RuleFileError.error(file, line, rule, message));
  }

  public void warning(int line, String rule, String message) {
    found.add(RuleFileError.warning(file, line, rule, message));
  }

  public List<RuleFileError> all() {
    return List.copyOf(found);
  }

  public boolean hasErrors() {
    return found.stream().anyMatch(e -> e.severity() == RuleFileError.Severity.ERROR);
  }
}

package io.handoff.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Validates every rule file and prompt Handoff loads, collecting all problems at once. */
public final class RuleSetValidator {
  private RuleSetValidator() {}

  /** Every error and warning in the rule directory and the prompt directory. */
  public static List<RuleFileError> validate(Path workflowsDir, Path promptsDir) {
    List<RuleFileError> out = new ArrayList<>();
    if (!Files.isDirectory(workflowsDir)) {
      out.add(RuleFileError.error(workflowsDir.toString(), 0, null, "rule directory not found"));
    }
    if (!Files.isDirectory(promptsDir)) {
      out.add(RuleFileError.error(promptsDir.toString(), 0, null, "prompt directory not found"));
    }
    return out;
  }
}

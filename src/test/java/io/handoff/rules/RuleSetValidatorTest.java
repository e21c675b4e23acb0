package io.handoff.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the {@code validate} command checks: every file of workflows/ and prompts/. */
class RuleSetValidatorTest {

  static List<RuleFileError> errors(List<RuleFileError> problems) {
    return problems.stream().filter(p -> p.severity() == RuleFileError.Severity.ERROR).toList();
  }

  @Test
  void theShippedFilesAreValid() {
    assertThat(errors(RuleSetValidator.validate(Path.of("workflows"), Path.of("prompts")))).isEmpty();
  }

  @Test
  void anErrorInAnyRuleFileIsReportedWithItsFile(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("workflows"));
    try (Stream<Path> files = Files.list(Path.of("workflows"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    append(dir.resolve("messaging-triggers.yaml"), "  - title: \"MSG - broken\"\n    actons: []\n");
    append(dir.resolve("helpdesk.yaml"), "  - id: Bad Agent\n    name: x\n");
    Files.writeString(dir.resolve("inactivity.yaml"), "remindres: 3\n");
    Files.writeString(dir.resolve("handoff-policy.yaml"),
        Files.readString(dir.resolve("handoff-policy.yaml")).replace("handoffBelow: 0.30", "handoffBelow: lots"));
    List<String> errors = errors(RuleSetValidator.validate(dir, Path.of("prompts"))).stream()
        .map(RuleFileError::toString).toList();
    assertThat(errors).anyMatch(e -> e.contains("messaging-triggers.yaml:"))
        .anyMatch(e -> e.contains("helpdesk.yaml:"))
        .anyMatch(e -> e.contains("inactivity.yaml:"))
        .anyMatch(e -> e.contains("handoff-policy.yaml:"));
  }

  @Test
  void missingDirectoriesAreErrors(@TempDir Path tmp) {
    assertThat(errors(RuleSetValidator.validate(tmp.resolve("nope"), tmp.resolve("nada")))).hasSize(2);
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, Files.readString(file) + text);
  }
}

package io.handoff.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.cli.HandoffCli;
import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleDirectoryLoaderTest {
  static final Path WORKFLOWS = Path.of("workflows");
  static final Path PROMPTS = Path.of("prompts");

  @Test
  void theShippedRulesAndPromptsAreValid() {
    List<RuleFileError> problems = RuleDirectoryLoader.load(WORKFLOWS, PROMPTS).problems();
    assertThat(problems).filteredOn(p -> p.severity() == RuleFileError.Severity.ERROR).isEmpty();
    assertThat(HandoffCli.run("validate", "--dir", "workflows", "--prompts", "prompts")).isZero();
  }

  @Test
  void aGroupMissingFromTheHelpdeskIsAnErrorWithItsLine(@TempDir Path dir) throws IOException {
    copy(WORKFLOWS, dir);
    Path triggers = dir.resolve("support-triggers.yaml");
    Files.writeString(triggers, Files.readString(triggers).replace("value: sales }", "value: salez }"));
    List<RuleFileError> errors = RuleDirectoryLoader.load(dir, PROMPTS).problems();
    assertThat(errors).extracting(RuleFileError::toString)
        .anyMatch(s -> s.matches(".*support-triggers.yaml:\\d+: group 'salez' is not defined in helpdesk.yaml"));
    assertThat(HandoffCli.run("validate", "--dir", dir.toString(), "--prompts", "prompts")).isEqualTo(1);
  }

  @Test
  void groupsAreCheckedInBlockStyleActionsAndGroupEmailsToo(@TempDir Path dir) throws IOException {
    copy(WORKFLOWS, dir);
    Path triggers = dir.resolve("support-triggers.yaml");
    Files.writeString(triggers, Files.readString(triggers).replace("      - { field: group_id, value: sales }",
        "      - field: group_id\n        value: salez\n"
            + "      - field: notification_group\n        value: [helpdesk-leads, \"New\", \"Body\"]"));
    List<RuleFileError> errors = RuleDirectoryLoader.load(dir, PROMPTS).problems();
    assertThat(errors).extracting(RuleFileError::toString)
        .anyMatch(s -> s.matches(".*support-triggers.yaml:\\d+: group 'salez' is not defined in helpdesk.yaml"))
        .anyMatch(s -> s.matches(".*support-triggers.yaml:\\d+: group 'helpdesk-leads' is not defined in helpdesk.yaml"));
  }

  @Test
  void allAgentsIsARecipientRoleNotAnUnknownAgentButAMisspeltAgentIsAnError(@TempDir Path dir) throws IOException {
    copy(WORKFLOWS, dir);
    Path triggers = dir.resolve("support-triggers.yaml");
    Files.writeString(triggers, Files.readString(triggers).replace("      - { field: group_id, value: sales }",
        "      - { field: group_id, value: sales }\n"
            + "      - field: notification_user\n        value: [all_agents, \"New\", \"Body\"]\n"
            + "      - field: notification_user\n        value: [all_agentz, \"New\", \"Body\"]"));
    List<String> errors = RuleDirectoryLoader.load(dir, PROMPTS).problems().stream()
        .filter(p -> p.severity() == RuleFileError.Severity.ERROR).map(RuleFileError::toString).toList();
    assertThat(errors).noneMatch(s -> s.contains("'all_agents'"));
    assertThat(errors).anyMatch(s -> s.matches(".*support-triggers.yaml:\\d+: agent 'all_agentz' is not defined in helpdesk.yaml.*"));
  }

  @Test
  void everyFilesErrorsAreReportedAtOnce(@TempDir Path dir) throws IOException {
    copy(WORKFLOWS, dir);
    Path policy = dir.resolve("handoff-policy.yaml");
    Files.writeString(policy, Files.readString(policy).replace("defaultGroup: general", "defaultGroup: nobody"));
    Path triggers = dir.resolve("support-triggers.yaml");
    Files.writeString(triggers, Files.readString(triggers).replace("operator: includes, value: pricing", "operator: includez, value: pricing"));
    List<String> errors = RuleDirectoryLoader.load(dir, PROMPTS).problems().stream()
        .filter(p -> p.severity() == RuleFileError.Severity.ERROR).map(RuleFileError::toString).toList();
    assertThat(errors).anyMatch(s -> s.contains("handoff-policy.yaml:") && s.contains("group 'nobody'"));
    assertThat(errors).anyMatch(s -> s.contains("support-triggers.yaml:") && s.contains("unknown operator \"includez\""));
  }

  @Test
  void aReplyForAnIntentOutsideTheTaxonomyFailsValidateWithItsLine(@TempDir Path prompts) throws IOException {
    copy(PROMPTS, prompts);
    Path replies = prompts.resolve("replies.yaml");
    Files.writeString(replies, Files.readString(replies).replace("  order_delivery:", "  order_tracking:"));
    List<RuleFileError> errors = RuleDirectoryLoader.load(WORKFLOWS, prompts).problems();
    assertThat(errors).extracting(RuleFileError::toString)
        .anyMatch(s -> s.matches(".*replies.yaml:\\d+: unknown intent \"order_tracking\".*"));
    assertThat(HandoffCli.run("validate", "--dir", "workflows", "--prompts", prompts.toString())).isEqualTo(1);
  }

  @Test
  void aMissingDirectoryIsReported() {
    assertThat(RuleDirectoryLoader.load(Path.of("no-such-dir"), PROMPTS).problems()).extracting(RuleFileError::message)
        .containsExactly("rule directory not found");
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}

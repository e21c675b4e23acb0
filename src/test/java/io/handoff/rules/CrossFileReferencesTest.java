package io.handoff.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every name one rule file uses for something another file declares (webhooks, groups, agents,
 * schedules, categories, intents) is checked by validate, with the file and line of the use.
 */
class CrossFileReferencesTest {

  static Stream<Arguments> references() {
    return Stream.of(
        Arguments.of("sla-policies.yaml", "{add_tag: sla_warning}", "{notify_webhook: nowhere-hook, body: '{}'}",
            "sla-policies.yaml:\\d+: .*webhook 'nowhere-hook'.*"),
        Arguments.of("support-triggers.yaml", "          - sales-alerts", "          - nowhere-hook",
            "support-triggers.yaml:\\d+: .*nowhere-hook.*"),
        Arguments.of("automations.yaml", "      - field: notification_user\n        value:\n          - requester_id",
            "      - field: notification_user\n        value:\n          - no.such.agent",
            "automations.yaml:\\d+: .*no.such.agent.*"),
        Arguments.of("support-triggers.yaml", "      - { field: group_id, value: technical }",
            "      - { field: assignee_id, value: no.such.agent }", "support-triggers.yaml:\\d+: .*no.such.agent.*"),
        Arguments.of("sla-policies.yaml", "schedule: support-paris", "schedule: support-mars",
            "sla-policies.yaml:\\d+: .*support-mars.*"),
        Arguments.of("support-triggers.yaml", "    category: Notifications\n    position: 1",
            "    category: Notificationz\n    position: 1", "support-triggers.yaml:\\d+: .*Notificationz.*"),
        Arguments.of("handoff-policy.yaml", "  billing: billing", "  billingz: billing",
            "handoff-policy.yaml:\\d+: .*billingz.*"),
        Arguments.of("routing.yaml", "    intent: complaint", "    intent: complaintz",
            "routing.yaml:\\d+: .*complaintz.*"),
        Arguments.of("business-hours.yaml", "default: support-paris", "default: support-mars",
            "business-hours.yaml:\\d+: .*support-mars.*"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("references")
  void anUndeclaredNameIsAnErrorWithFileAndLine(String file, String from, String to, String expected,
      @TempDir Path dir) throws IOException {
    RuleDirectoryLoaderTest.copy(RuleDirectoryLoaderTest.WORKFLOWS, dir);
    Path f = dir.resolve(file);
    String text = Files.readString(f);
    assertThat(text).contains(from);
    Files.writeString(f, text.replace(from, to));
    List<String> errors = RuleDirectoryLoader.load(dir, RuleDirectoryLoaderTest.PROMPTS).problems().stream()
        .filter(p -> p.severity() == RuleFileError.Severity.ERROR).map(RuleFileError::toString).toList();
    assertThat(errors).as("errors").anyMatch(s -> s.matches("(?s).*" + expected));
  }

  /** The errors of the sample directory with a GET webhook "lookup" that an SLA escalation calls with {@code body}. */
  private static List<String> escalationToGetWebhook(String body, Path dir) throws IOException {
    RuleDirectoryLoaderTest.copy(RuleDirectoryLoaderTest.WORKFLOWS, dir);
    Path triggers = dir.resolve("support-triggers.yaml");
    Files.writeString(triggers, Files.readString(triggers).replace("webhooks:\n",
        "webhooks:\n  - { id: lookup, endpoint: \"https://hooks.example.invalid/lookup\", method: GET }\n"));
    Path sla = dir.resolve("sla-policies.yaml");
    String text = Files.readString(sla);
    assertThat(text).contains("{add_tag: sla_warning}");
    Files.writeString(sla, text.replace("{add_tag: sla_warning}", "{notify_webhook: lookup, body: " + body + "}"));
    return RuleDirectoryLoader.load(dir, RuleDirectoryLoaderTest.PROMPTS).problems().stream()
        .filter(p -> p.severity() == RuleFileError.Severity.ERROR).map(RuleFileError::toString).toList();
  }

  @org.junit.jupiter.api.Test
  void anEscalationGivingABodyToAWebhookThatTakesParametersIsAnError(@TempDir Path dir) throws IOException {
    assertThat(escalationToGetWebhook("'{\"ticket\": \"{{ticket.id}}\"}'", dir)).as("errors").anyMatch(s -> s.matches(
        "(?s).*sla-policies.yaml:\\d+: .*webhook 'lookup' \\(GET json\\) takes parameters .*"));
  }

  @org.junit.jupiter.api.Test
  void anEscalationGivingParametersToAGetWebhookLoads(@TempDir Path dir) throws IOException {
    assertThat(escalationToGetWebhook("'[[\"ticket\", \"{{ticket.id}}\"]]'", dir)).as("errors").isEmpty();
  }
}

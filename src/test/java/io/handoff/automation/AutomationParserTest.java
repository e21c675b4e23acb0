package io.handoff.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.rules.RuleDirectoryLoader;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error of automations.yaml names its file, line and rule; the shipped file is valid. */
class AutomationParserTest {

  static List<String> errors(String yaml) {
    Loaded<AutomationSet> loaded = AutomationLoader.parse(yaml, "automations.yaml", Map.of());
    assertThat(loaded.value()).isNull();
    return loaded.errors().stream().map(RuleFileError::toString).toList();
  }

  static String rule(String conditions, String actions) {
    return """
        automations:
          - title: R
            conditions:
        %s
            actions:
        %s
        """.formatted(conditions.indent(6).stripTrailing(), actions.indent(6).stripTrailing());
  }

  static final String NULLIFY = "{ field: current_tags, operator: not_includes, value: x }";
  static final String ADD_X = "- { field: current_tags, value: x }";

  @Test
  void theShippedAutomationsAreValid() {
    List<RuleFileError> problems = RuleDirectoryLoader.load(Path.of("workflows"), Path.of("prompts")).problems();
    assertThat(problems).filteredOn(p -> p.file().endsWith("automations.yaml")).isEmpty();
    assertThat(AutomationLoader.load(Path.of("workflows"), Map.of()).value().ordered()).hasSize(2);
  }

  @Test
  void anUnknownTimeOperatorIsAnError() {
    assertThat(errors(rule("all:\n  - { field: PENDING, operator: around, value: 4 }\n  - " + NULLIFY, ADD_X)))
        .containsExactly("automations.yaml:5: rule \"R\": unknown operator \"around\" for time-based condition"
            + " \"PENDING\" (allowed: is, less_than, greater_than, is_business_hours, less_than_business_hours,"
            + " greater_than_business_hours)");
  }

  @Test
  void hoursMustBeAWholeNumber() {
    assertThat(errors(rule("all:\n  - { field: PENDING, operator: is, value: 1.5 }", ADD_X)))
        .containsExactly("automations.yaml:5: rule \"R\": value \"1.5\" of \"PENDING\" must be a whole number of"
            + " hours from 0 to 87600");
  }

  @Test
  void timeConditionsBelongUnderAll() {
    assertThat(errors(rule("all:\n  - " + NULLIFY + "\nany:\n  - { field: OPEN, operator: is, value: 4 }", ADD_X)))
        .contains("automations.yaml:7: rule \"R\": time-based condition \"OPEN\" must be under all (as in Zendesk)");
  }

  @Test
  void triggerOnlyConditionsAreRefused() {
    assertThat(errors(rule("all:\n  - { field: OPEN, operator: is, value: 4 }\n  - { field: update_type, value: Create }",
        ADD_X))).containsExactly("automations.yaml:6: rule \"R\": condition field \"update_type\" is for triggers"
            + " only: automations run on a ticket's state, not on an update");
    assertThat(errors(rule("all:\n  - { field: OPEN, operator: is, value: 4 }\n  - { field: status, operator: changed }",
        ADD_X))).containsExactly("automations.yaml:6: rule \"R\": operator \"changed\" is for triggers only:"
            + " automations see no update to compare with");
  }

  @Test
  void scheduleConditionsAreForTriggersOnly() {
    assertThat(errors(rule("all:\n  - { field: OPEN, operator: is, value: 4 }\n  - { field: schedule_id, value: paris }",
        ADD_X))).containsExactly("automations.yaml:6: rule \"R\": condition field \"schedule_id\" is for triggers only"
            + " (as in Zendesk's conditions reference); an automation's business-hours operators already count in the"
            + " ticket's schedule");
    assertThat(errors(rule("all:\n  - { field: OPEN, operator: is, value: 4 }\n  - { field: within_schedule, value: paris }",
        ADD_X))).containsExactly("automations.yaml:6: rule \"R\": condition field \"within_schedule\" is for triggers"
            + " only: automations run on a ticket's state, not on an update");
  }

  @Test
  void unknownFieldsKeysAndClosedAreErrors() {
    assertThat(errors(rule("all:\n  - { field: HOURS, operator: is, value: 4 }", ADD_X)))
        .containsExactly("automations.yaml:5: rule \"R\": unknown condition field \"HOURS\"");
    assertThat(errors(rule("all:\n  - { field: CLOSED, operator: is, value: 4 }", ADD_X)))
        .containsExactly("automations.yaml:5: rule \"R\": \"CLOSED\" never holds in an automation: automations do"
            + " not run on closed tickets");
    assertThat(errors("automations:\n  - title: R\n    conditons: {}\n    actions: [" + ADD_X.substring(2) + "]\n"))
        .contains("automations.yaml:3: rule \"R\": unknown key \"conditons\" in automation (allowed: actions, active,"
            + " conditions, description, position, title)");
  }

  @Test
  void anAutomationNeedsATimeCondition() {
    assertThat(errors(rule("all:\n  - " + NULLIFY, ADD_X))).containsExactly("automations.yaml:2: rule \"R\": an"
        + " automation needs at least one time-based condition under all (NEW, OPEN, PENDING, HOLD, SOLVED,"
        + " assigned_at, updated_at, requester_updated_at, assignee_updated_at, due_date, until_due_date,"
        + " sla_next_breach_at)");
  }

  @Test
  void anAutomationWithoutANullifyingConditionIsRefused() {
    List<String> errors = errors(rule("all:\n  - { field: status, operator: is, value: pending }\n"
        + "  - { field: PENDING, operator: greater_than, value: 24 }", "- { field: priority, value: high }"));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("automations.yaml:2: rule \"R\": has no nullifying condition: none of its"
        + " conditions becomes false when its actions run");
  }

  @Test
  void nullifyingConditionsZendeskAccepts() {
    String pendingToSolved = rule("all:\n  - { field: status, operator: is, value: pending }\n"
        + "  - { field: PENDING, operator: greater_than, value: 24 }", "- { field: status, value: solved }");
    String tagGuard = rule("all:\n  - { field: PENDING, operator: greater_than, value: 24 }\n  - " + NULLIFY, ADD_X);
    String isHours = rule("all:\n  - { field: PENDING, operator: is, value: 24 }", "- { field: priority, value: high }");
    String sinceUpdate = rule("all:\n  - { field: updated_at, operator: greater_than, value: 24 }",
        "- { field: priority, value: high }");
    String priorityUp = rule("all:\n  - { field: priority, operator: less_than, value: high }\n"
        + "  - { field: OPEN, operator: greater_than, value: 24 }", "- { field: priority, value: urgent }");
    for (String ok : List.of(pendingToSolved, tagGuard, isHours, sinceUpdate, priorityUp)) {
      assertThat(AutomationLoader.parse(ok, "automations.yaml", Map.of()).errors()).as(ok).isEmpty();
    }
  }

  @Test
  void actionsAreCheckedLikeSupportTriggerActions() {
    assertThat(errors(rule("all:\n  - { field: PENDING, operator: is, value: 4 }",
        "- { field: notification_webhook, value: [nowhere, '{}'] }")))
        .containsExactly("automations.yaml:7: rule \"R\": unknown webhook \"nowhere\" (declare it under webhooks)");
  }

  @Test
  void duplicateTitlesAreErrors() {
    String one = "  - title: R\n    conditions: { all: [{ field: PENDING, operator: is, value: 4 }] }\n"
        + "    actions: [{ field: current_tags, value: x }]\n";
    assertThat(errors("automations:\n" + one + one)).containsExactly(
        "automations.yaml:5: rule \"R\": duplicate automation title");
  }
}

package io.handoff.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.sla.policy.FilterCondition;
import io.handoff.sla.policy.SlaFilter;
import io.handoff.sla.policy.SupportFilterMatcher;
import io.handoff.trigger.ConditionGroup;
import io.handoff.trigger.ConditionParser;
import io.handoff.yaml.Problems;
import io.handoff.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA filters are checked by the trigger kernel's condition parser directly, as data, with their lines. */
class SlaFilterCompileTest {

  /** The same conditions written in a trigger file, each on the line the filter gives it. */
  private static final String AS_TRIGGER = """
      all:
        - {field: priority, operator: is, value: urgent}
        - {field: status, operator: less_than, value: solved}
      any:
        - {field: current_tags, operator: includes, value: vip gold}
        - {field: priority, operator: is_not, value: low}
      """;

  @Test
  void filterConditionsCompileToTheSameConditionsAsTriggerYaml() {
    SlaFilter filter = new SlaFilter(
        List.of(new FilterCondition("priority", "is", "urgent", 2),
            new FilterCondition("status", "less_than", "solved", 3)),
        List.of(new FilterCondition("current_tags", "includes", "vip gold", 5),
            new FilterCondition("priority", "is_not", "low", 6)));
    ConditionGroup<SupportField> compiled = SupportFilterMatcher.compile(filter);

    Problems problems = new Problems("support-triggers.yaml");
    YamlReader yaml = YamlReader.of("support-triggers.yaml", AS_TRIGGER);
    ConditionGroup<SupportField> fromYaml =
        new ConditionParser<>(SupportVocabulary.INSTANCE, problems).parse(yaml.root(), "R");
    assertTrue(problems.all().isEmpty(), problems.all().toString());

    assertEquals(fromYaml.all(), compiled.all());
    assertEquals(fromYaml.any(), compiled.any());
    for (int i = 0; i < 2; i++) {
      assertEquals(fromYaml.all().get(i).expected(), compiled.all().get(i).expected());
      assertEquals(fromYaml.any().get(i).expected(), compiled.any().get(i).expected());
    }
  }

  @Test
  void aConditionTheKernelRefusesNamesItsLineInThePolicyFile() {
    SlaFilter filter = new SlaFilter(
        List.of(new FilterCondition("priority", "is", "urgent", 4),
            new FilterCondition("prio", "is", "urgent", 7)),
        List.of(new FilterCondition("priority", "is", List.of("high", "urgent"), 9)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SupportFilterMatcher.compile(filter));
    assertTrue(e.getMessage().contains("sla-policies.yaml:7: rule \"SLA filter\": unknown condition field \"prio\""),
        e.getMessage());
    assertTrue(e.getMessage().contains(
        "sla-policies.yaml:9: rule \"SLA filter\": value of \"priority\" must be a single value, not a list or mapping"),
        e.getMessage());
  }

  @Test
  void aMissingValueIsReportedLikeInATrigger() {
    SlaFilter needsValue = new SlaFilter(List.of(new FilterCondition("status", "less_than", null, 3)), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SupportFilterMatcher.compile(needsValue));
    assertTrue(e.getMessage().contains("sla-policies.yaml:3: rule \"SLA filter\": operator \"less_than\" needs a value"),
        e.getMessage());
  }
}

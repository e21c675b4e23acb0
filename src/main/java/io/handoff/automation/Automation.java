package io.handoff.automation;

import io.handoff.support.SupportAction;
import io.handoff.support.SupportField;
import io.handoff.trigger.ConditionGroup;
import java.util.List;

/**
 * One automation of {@code automations.yaml}: Zendesk's time-based business rule.
 *
 * @param timeConditions the time-based conditions (Zendesk allows them only under {@code all})
 * @param conditions the other conditions, in the support triggers' vocabulary
 * @param actions the support triggers' actions
 * @param position firing order (Zendesk's {@code position}); ties keep file order
 */
public record Automation(
    String title,
    String description,
    boolean active,
    int position,
    List<TimeCondition> timeConditions,
    ConditionGroup<SupportField> conditions,
    List<SupportAction> actions,
    int line) {

  public Automation {
    timeConditions = List.copyOf(timeConditions);
    actions = List.copyOf(actions);
  }
}

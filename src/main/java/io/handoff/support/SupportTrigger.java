package io.handoff.support;

import io.handoff.trigger.ConditionGroup;
import java.util.List;

/**
 * One support (ticket) trigger as loaded from {@code support-triggers.yaml}.
 *
 * @param category the category name; categories run in the order the file declares them
 * @param position the position inside the category (Zendesk's {@code position})
 */
public record SupportTrigger(
    String title,
    String description,
    boolean active,
    String category,
    int position,
    ConditionGroup<SupportField> conditions,
    List<SupportAction> actions,
    int line) {

  public SupportTrigger {
    actions = List.copyOf(actions);
  }
}

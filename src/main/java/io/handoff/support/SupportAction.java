package io.handoff.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One parsed action.
 *
 * @param field the action name as written ({@code custom_fields_12} keeps its id)
 * @param value the value for field setters and comment bodies ("" = clear)
 * @param tags the tags for tag actions (lower case)
 * @param args notification arguments as Zendesk lists them: [recipient, subject, body] or
 *     [webhook id, body]; an SLA escalation's e-mail may have no subject (null)
 * @param line the action's line in its rule file; 0 for SLA escalation actions, whose workflow-history
 *     form ({@code io.handoff.sla.policy.EscalationWire}) has no line
 */
public record SupportAction(
    SupportActionType type, String field, String value, Set<String> tags, List<String> args, int line) {

  public SupportAction {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
  }

  /** The condition field name this action writes, or null for comments and notifications. */
  public String writes() {
    return type == SupportActionType.CUSTOM_FIELD ? field : type.writes();
  }
}

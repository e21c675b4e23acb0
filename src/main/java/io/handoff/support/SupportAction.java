package io.handoff.support;

import java.util.List;
import java.util.Set;

/**
 * One parsed action.
 *
 * @param field the action name as written ({@code custom_fields_12} keeps its id)
 * @param value the value for field setters and comment bodies ("" = clear)
 * @param tags the tags for tag actions (lower case)
 * @param args notification arguments as Zendesk lists them: [recipient, subject, body] or
 *     [webhook id, body]
 */
public record SupportAction(
    SupportActionType type, String field, String value, Set<String> tags, List<String> args, int line) {

  public SupportAction {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** The condition field name this action writes, or null for comments and notifications. */
  public String writes() {
    return type == SupportActionType.CUSTOM_FIELD ? field : type.writes();
  }
}

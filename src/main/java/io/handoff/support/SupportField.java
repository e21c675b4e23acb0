package io.handoff.support;

import io.handoff.trigger.Operator;
import io.handoff.trigger.ValueType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Support-trigger condition fields, named as in Zendesk's trigger API. Groups and assignees are
 * written by name rather than numeric id (as GitLab's rule repositories do), so files read without a
 * lookup table. Prefix fields ({@code custom_fields_<id>}, {@code requester.custom_fields.<key>},
 * {@code organization.custom_fields.<key>}) take the rest of the name as their key.
 */
public enum SupportField {
  UPDATE_TYPE("update_type", ValueType.CHOICE, List.of("Create", "Change"), false),
  STATUS("status", ValueType.ORDERED, List.of("new", "open", "pending", "hold", "solved", "closed"), true),
  PRIORITY("priority", ValueType.ORDERED, List.of("low", "normal", "high", "urgent"), true),
  TYPE("type", ValueType.CHOICE, io.handoff.ticket.Ticket.TYPES, true),
  GROUP("group_id", ValueType.TEXT, List.of(), true),
  ASSIGNEE("assignee_id", ValueType.TEXT, List.of(), true),
  REQUESTER("requester_id", ValueType.TEXT, List.of(), true),
  ORGANIZATION("organization_id", ValueType.TEXT, List.of(), true),
  TAGS("current_tags", ValueType.TAGS, List.of(), false),
  VIA("via_id", ValueType.CHOICE, Via.ALLOWED, false),
  /** The channel of this update (Zendesk's {@code current_via_id}). */
  CURRENT_VIA("current_via_id", ValueType.CHOICE, Via.ALLOWED, false),
  /** Zendesk's {@code ticket_is_public}: public, or private (created as an internal note). */
  TICKET_IS_PUBLIC("ticket_is_public", ValueType.CHOICE, List.of("public", "private"), false),
  COMMENT_IS_PUBLIC("comment_is_public", ValueType.CHOICE,
      List.of("true", "false", "not_relevant", "requester_can_see_comment"), false),
  COMMENT_TEXT("comment_includes_word", ValueType.WORDS, List.of(), false),
  SUBJECT_TEXT("subject_includes_word", ValueType.WORDS, List.of(), false),
  ROLE("role", ValueType.CHOICE, List.of("end_user", "agent", "system"), false),
  IN_BUSINESS_HOURS("in_business_hours", ValueType.BOOLEAN, List.of(), false),
  /**
   * Zendesk's {@code schedule_id}: the name of the ticket's own schedule (set by {@code set_schedule}, else
   * the default schedule of {@code business-hours.yaml}).
   */
  SCHEDULE("schedule_id", ValueType.TEXT, List.of(), false),
  /**
   * Zendesk's {@code within_schedule} ("Within (schedule)"): the update's instant is within the named
   * schedule's hours (holidays closed); {@code is_not} = outside. The parsed condition carries the schedule as
   * its key ({@link SupportVocabulary#normalise}).
   */
  WITHIN_SCHEDULE("within_schedule", ValueType.TEXT, List.of(), false),
  SESSION_STATE("messaging_session_state", ValueType.CHOICE, List.of("active", "inactive", "ended"), true),
  CUSTOM_FIELD("custom_fields_", ValueType.TEXT, List.of(), true),
  REQUESTER_FIELD("requester.custom_fields.", ValueType.TEXT, List.of(), false),
  ORGANIZATION_FIELD("organization.custom_fields.", ValueType.TEXT, List.of(), false);

  private static final Set<Operator> CHANGE_OPS = EnumSet.of(Operator.CHANGED, Operator.CHANGED_TO,
      Operator.CHANGED_FROM, Operator.NOT_CHANGED, Operator.NOT_CHANGED_TO, Operator.NOT_CHANGED_FROM);

  private final String wireName;
  private final ValueType type;
  private final List<String> values;
  private final boolean changeOperators;

  SupportField(String wireName, ValueType type, List<String> values, boolean changeOperators) {
    this.wireName = wireName;
    this.type = type;
    this.values = values;
    this.changeOperators = changeOperators;
  }

  public String wireName() {
    return wireName;
  }

  /** True for the prefix families whose name continues with a key. */
  public boolean isPrefix() {
    return wireName.endsWith("_") || wireName.endsWith(".");
  }

  ValueType type() {
    return type;
  }

  List<String> allowedValues() {
    return values;
  }

  /** The type's operators, minus what Zendesk does not offer here, plus the trigger-only change set. */
  Set<Operator> operators() {
    Set<Operator> ops = EnumSet.copyOf(type.defaultOperators());
    switch (this) {
      case UPDATE_TYPE, COMMENT_IS_PUBLIC, IN_BUSINESS_HOURS, TICKET_IS_PUBLIC -> ops.retainAll(Set.of(Operator.IS));
      case SCHEDULE, WITHIN_SCHEDULE -> ops.retainAll(Set.of(Operator.IS, Operator.IS_NOT));
      case ROLE, VIA, CURRENT_VIA -> ops.retainAll(Set.of(Operator.IS, Operator.IS_NOT, Operator.IS_ONE_OF,
          Operator.IS_NOT_ONE_OF));
      case REQUESTER_FIELD, ORGANIZATION_FIELD, CUSTOM_FIELD -> ops.add(Operator.INCLUDES);
      default -> { }
    }
    if (this == REQUESTER_FIELD || this == ORGANIZATION_FIELD || this == CUSTOM_FIELD) {
      ops.add(Operator.NOT_INCLUDES);
    }
    if (changeOperators) {
      ops.addAll(CHANGE_OPS);
    }
    return ops;
  }
}

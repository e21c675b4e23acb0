package io.handoff.support;

/**
 * Support-trigger actions, named as Zendesk's trigger API names them ({@code field} of an action).
 * Comment actions use Zendesk's newer {@code reply_public} / {@code reply_internal}. SLA escalations and
 * automations use the same actions (SLA escalations add {@link #RAISE_PRIORITY}, which no trigger has).
 */
public enum SupportActionType {
  STATUS("status", "status"),
  PRIORITY("priority", "priority"),
  TYPE("type", "type"),
  GROUP("group_id", "group_id"),
  ASSIGNEE("assignee_id", "assignee_id"),
  CUSTOM_FIELD("custom_fields_", null),
  /** Zendesk's {@code set_schedule}: the ticket's business-hours schedule, kept as its custom field {@code schedule}. */
  SET_SCHEDULE("set_schedule", "custom_fields_" + SupportActionType.SCHEDULE_FIELD),
  ADD_TAGS("current_tags", "current_tags"),
  REMOVE_TAGS("remove_tags", "current_tags"),
  SET_TAGS("set_tags", "current_tags"),
  REPLY_PUBLIC("reply_public", null),
  REPLY_INTERNAL("reply_internal", null),
  NOTIFY_USER("notification_user", null),
  NOTIFY_GROUP("notification_group", null),
  NOTIFY_WEBHOOK("notification_webhook", null),
  /**
   * SLA escalations' {@code raise_priority}: one step above the priority the ticket had when the clock
   * fired (none counts as normal). Not a Zendesk trigger action: {@link #fromWire} does not resolve it.
   */
  RAISE_PRIORITY("raise_priority", "priority");

  /**
   * The ticket custom field holding the ticket's schedule (a schedule name of business-hours.yaml): SLA
   * business-hours targets, automations' business-hours conditions and {@code in_business_hours} use it,
   * the default schedule when it is empty or names no schedule.
   */
  public static final String SCHEDULE_FIELD = io.handoff.trigger.BusinessCalendar.TICKET_SCHEDULE_FIELD;

  private final String wireName;
  private final String writes;

  SupportActionType(String wireName, String writes) {
    this.wireName = wireName;
    this.writes = writes;
  }

  public String wireName() {
    return wireName;
  }

  /** The condition field this action writes (custom fields: per key), or null for effects. */
  public String writes() {
    return writes;
  }

  /**
   * Resolves a trigger or automation action name; {@code custom_fields_<id>} resolves to CUSTOM_FIELD.
   * Null if unknown, and for {@link #RAISE_PRIORITY}, which only SLA escalations have.
   */
  public static SupportActionType fromWire(String name) {
    for (SupportActionType t : values()) {
      if (t == RAISE_PRIORITY) {
        continue;
      }
      if (t == CUSTOM_FIELD ? name.startsWith(t.wireName) && name.length() > t.wireName.length()
          : t.wireName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}

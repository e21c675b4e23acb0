package io.handoff.automation;

import java.util.Locale;

/**
 * Zendesk's time-based automation condition fields, spelled as its API spells them. Each measures
 * whole hours either since an instant ({@link Direction#SINCE}) or until one ({@link Direction#UNTIL}).
 */
public enum TimeField {
  NEW("NEW", Direction.SINCE, "hours since the ticket last became new"),
  OPEN("OPEN", Direction.SINCE, "hours since the ticket last became open"),
  PENDING("PENDING", Direction.SINCE, "hours since the ticket last became pending"),
  HOLD("HOLD", Direction.SINCE, "hours since the ticket last became on-hold"),
  SOLVED("SOLVED", Direction.SINCE, "hours since the ticket last became solved"),
  ASSIGNED_AT("assigned_at", Direction.SINCE, "hours since the ticket was last assigned"),
  UPDATED_AT("updated_at", Direction.SINCE, "hours since the ticket's last update (automations included)"),
  REQUESTER_UPDATED_AT("requester_updated_at", Direction.SINCE, "hours since the requester's last update"),
  ASSIGNEE_UPDATED_AT("assignee_updated_at", Direction.SINCE, "hours since the assignee's last update"),
  DUE_DATE("due_date", Direction.SINCE, "hours since the due date"),
  UNTIL_DUE_DATE("until_due_date", Direction.UNTIL, "hours until the due date"),
  SLA_NEXT_BREACH_AT("sla_next_breach_at", Direction.UNTIL, "hours until the next SLA breach");

  /** Whether the hours count from a past instant or down to a future one. */
  public enum Direction { SINCE, UNTIL }

  private final String wireName;
  private final Direction direction;
  private final String meaning;

  TimeField(String wireName, Direction direction, String meaning) {
    this.wireName = wireName;
    this.direction = direction;
    this.meaning = meaning;
  }

  public String wireName() {
    return wireName;
  }

  public Direction direction() {
    return direction;
  }

  public String meaning() {
    return meaning;
  }

  /**
   * Resolves a field name; {@code until_sla_next_breach_at} is accepted for {@code sla_next_breach_at}.
   * Null when the name is not a time field.
   */
  public static TimeField fromWire(String name) {
    if (name == null) {
      return null;
    }
    if ("until_sla_next_breach_at".equals(name)) {
      return SLA_NEXT_BREACH_AT;
    }
    for (TimeField f : values()) {
      if (f.wireName.equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** The status field's status name (lower case), or null for the other fields. */
  public String status() {
    return ordinal() <= SOLVED.ordinal() ? name().toLowerCase(Locale.ROOT) : null;
  }
}

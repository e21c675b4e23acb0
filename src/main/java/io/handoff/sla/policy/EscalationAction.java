package io.handoff.sla.policy;

/**
 * An action to apply when an SLA warning or breach fires. Data only: the journey workflow turns it
 * into ticket updates and notifications through its activities.
 *
 * @param value priority for SET_PRIORITY, group for SET_GROUP, tag for ADD_TAG, email address for
 *     NOTIFY_EMAIL, webhook name for NOTIFY_WEBHOOK; null for RAISE_PRIORITY and INTERNAL_NOTE
 * @param subject email subject (NOTIFY_EMAIL), else null
 * @param body note text, email body or webhook body; may hold {@code {{ticket.id}}}-style placeholders
 */
public record EscalationAction(Kind kind, String value, String subject, String body) {

  /** What the action does; the YAML key is the lower-case name. */
  public enum Kind { RAISE_PRIORITY, SET_PRIORITY, SET_GROUP, ADD_TAG, INTERNAL_NOTE, NOTIFY_EMAIL, NOTIFY_WEBHOOK }
}

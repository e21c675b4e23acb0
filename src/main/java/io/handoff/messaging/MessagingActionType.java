package io.handoff.messaging;

import java.util.Locale;

/** Zendesk's seven messaging-trigger actions. {@code suspend_user} must be a trigger's last action. */
public enum MessagingActionType {
  SEND_MESSAGE, WAIT, REQUEST_EMAIL, SET_TRIGGERED, ADD_TAGS, REMOVE_TAGS, SUSPEND_USER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Null when unknown. */
  public static MessagingActionType fromWire(String name) {
    for (MessagingActionType t : values()) {
      if (t.wireName().equals(name)) {
        return t;
      }
    }
    return null;
  }
}

package io.handoff.sla.inactivity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Messaging session state, as Zendesk's "Messaging session state" trigger condition: active while the
 * customer talks, inactive after the configured silence, ended after the last reminder.
 */
public enum SessionState {
  ACTIVE, INACTIVE, ENDED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; null when unknown so callers can report it. */
  @JsonCreator
  public static SessionState fromWire(String s) {
    for (SessionState v : values()) {
      if (s != null && v.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    return null;
  }
}

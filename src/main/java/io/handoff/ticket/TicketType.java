package io.handoff.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Zendesk ticket types. A ticket may also have no type (null). */
public enum TicketType {
  QUESTION, INCIDENT, PROBLEM, TASK;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name (any case); returns null when unknown so callers can report it. */
  public static TicketType fromWire(String s) {
    if (s == null) {
      return null;
    }
    for (TicketType v : values()) {
      if (v.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    return null;
  }
}

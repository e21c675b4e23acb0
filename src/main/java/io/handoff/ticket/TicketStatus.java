package io.handoff.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Zendesk ticket statuses, in Zendesk's order (used by "less than" / "greater than"). */
public enum TicketStatus {
  NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; returns null when unknown so callers can report it. */
  @JsonCreator
  public static TicketStatus fromWire(String s) {
    if (s == null) {
      return null;
    }
    for (TicketStatus v : values()) {
      if (v.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    return null;
  }
}

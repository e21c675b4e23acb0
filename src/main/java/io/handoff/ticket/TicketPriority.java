package io.handoff.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Zendesk ticket priorities, in Zendesk's order (used by "less than" / "greater than"). */
public enum TicketPriority {
  LOW, NORMAL, HIGH, URGENT;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; returns null when unknown so callers can report it. */
  @JsonCreator
  public static TicketPriority fromWire(String s) {
    if (s == null) {
      return null;
    }
    for (TicketPriority v : values()) {
      if (v.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    return null;
  }

  /** The next priority up, or this one when already urgent. */
  public TicketPriority raised() {
    return this == URGENT ? URGENT : values()[ordinal() + 1];
  }
}

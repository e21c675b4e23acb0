package io.handoff.sla.inactivity;

import io.handoff.ticket.TicketStatus;
import java.time.Instant;

/**
 * A step of the inactivity ladder: due (as a deadline) or fired (as an action to apply).
 *
 * @param reminder one-based reminder number for REMINDER, else 0
 * @param message the reminder text to send to the customer (REMINDER only)
 * @param setStatus ticket status to set, or null
 * @param tag tag to add, or null
 */
public record InactivityEvent(Kind kind, int reminder, Instant at, String message, TicketStatus setStatus, String tag) {

  public enum Kind { SESSION_INACTIVE, REMINDER, SESSION_ENDED }

  /** A timer summary naming the step, e.g. {@code Inactivity reminder 2}. */
  public String timerSummary() {
    return switch (kind) {
      case SESSION_INACTIVE -> "Inactivity session inactive";
      case REMINDER -> "Inactivity reminder " + reminder;
      case SESSION_ENDED -> "Inactivity session end";
    };
  }
}

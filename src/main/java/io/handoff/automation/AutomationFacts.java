package io.handoff.automation;

import io.handoff.ticket.Ticket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * What automations read about a journey's ticket at an instant: the ticket and the instants the time
 * conditions count from. Plain data, built by the workflow from its state and sent to the automation
 * activities.
 *
 * @param idempotencyKey the key of this evaluation; effect keys derive from it
 * @param statusEnteredAt when the ticket last entered each status (wire names: new, open, ...)
 * @param assignedAt when the ticket was last assigned, or null
 * @param updatedAt the ticket's last update (any author, automations included)
 * @param requesterUpdatedAt the requester's last update, or null
 * @param assigneeUpdatedAt the assignee's last update, or null
 * @param nextSlaBreachAt the earliest SLA breach still ahead, or null
 * @param sessionState the messaging session state
 * @param requesterFields requester custom fields, as the support triggers get them
 * @param alreadyFired titles of the automations that fired since the ticket last changed otherwise:
 *     they do not fire again until it does
 * @param at the instant of the evaluation (planning: the earliest instant considered)
 * @param lastFired when each automation last fired: one with an {@code is} hours condition fires at
 *     most once per window (Zendesk's hourly run lands in that one-hour window once)
 */
public record AutomationFacts(
    String idempotencyKey,
    Ticket ticket,
    Map<String, Instant> statusEnteredAt,
    Instant assignedAt,
    Instant updatedAt,
    Instant requesterUpdatedAt,
    Instant assigneeUpdatedAt,
    Instant nextSlaBreachAt,
    String sessionState,
    Map<String, String> requesterFields,
    Set<String> alreadyFired,
    Instant at,
    Map<String, Instant> lastFired) {

  /** The ticket custom field holding the due date (ISO-8601 instant, or a date meaning 00:00 UTC). */
  public static final String DUE_FIELD = "due_at";

  public AutomationFacts {
    statusEnteredAt = statusEnteredAt == null ? Map.of() : Map.copyOf(statusEnteredAt);
    requesterFields = requesterFields == null ? Map.of() : Map.copyOf(requesterFields);
    alreadyFired = alreadyFired == null ? Set.of() : Set.copyOf(alreadyFired);
    lastFired = lastFired == null ? Map.of() : Map.copyOf(lastFired);
  }

  /** Facts with no record of earlier firings. */
  public AutomationFacts(String idempotencyKey, Ticket ticket, Map<String, Instant> statusEnteredAt,
      Instant assignedAt, Instant updatedAt, Instant requesterUpdatedAt, Instant assigneeUpdatedAt,
      Instant nextSlaBreachAt, String sessionState, Map<String, String> requesterFields, Set<String> alreadyFired,
      Instant at) {
    this(idempotencyKey, ticket, statusEnteredAt, assignedAt, updatedAt, requesterUpdatedAt, assigneeUpdatedAt,
        nextSlaBreachAt, sessionState, requesterFields, alreadyFired, at, Map.of());
  }

  /**
   * True when {@code a} may not fire in {@code window}: it fired since the ticket last changed, or it
   * has an {@code is} hours condition and already fired inside this window.
   */
  public boolean firedFor(Automation a, TimeCondition.Window window) {
    if (alreadyFired.contains(a.title())) {
      return true;
    }
    Instant last = lastFired.get(a.title());
    return last != null && window.contains(last)
        && a.timeConditions().stream().anyMatch(t -> t.operator() == TimeCondition.Op.IS);
  }

  /** The instant a time field counts from or to; null when the ticket has none. */
  public Instant reference(TimeField f) {
    return switch (f) {
      case NEW, OPEN, PENDING, HOLD, SOLVED -> statusEnteredAt.get(f.status());
      case ASSIGNED_AT -> assignedAt;
      case UPDATED_AT -> updatedAt;
      case REQUESTER_UPDATED_AT -> requesterUpdatedAt;
      case ASSIGNEE_UPDATED_AT -> assigneeUpdatedAt;
      case DUE_DATE, UNTIL_DUE_DATE -> dueAt(ticket);
      case SLA_NEXT_BREACH_AT -> nextSlaBreachAt;
    };
  }

  /** The ticket's due date from its {@value #DUE_FIELD} custom field; null when absent or unreadable. */
  public static Instant dueAt(Ticket t) {
    String v = t == null ? null : t.customFields().get(DUE_FIELD);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

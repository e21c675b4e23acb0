package io.handoff.ticket;

import java.util.Optional;

/**
 * One helpdesk behind one interface: Handoff's built-in helpdesk or Zendesk. Every write carries an
 * idempotency key derived from the workflow (e.g. {@code workflowId + "/" + step}), so an activity
 * retry never applies a write twice.
 *
 * <p>Failures: {@link TicketNotFoundException} for an unknown id, {@link TicketRefusedException}
 * for a refused change (nothing written), {@link HelpdeskException} for a remote failure.
 */
public interface HelpdeskGateway {

  /**
   * Creates a ticket. The same key always yields the same ticket and never a second one, even when
   * the first call's answer was lost (timeout after the helpdesk accepted it).
   */
  Ticket create(TicketDraft draft, String idempotencyKey);

  /**
   * Applies a change made by the system (triggers, timers) and returns the ticket after it. A key
   * already used returns the current ticket without applying the change again.
   */
  Ticket update(String ticketId, TicketChange change, String idempotencyKey);

  /** Adds a comment; a key already used returns the comment it created. */
  TicketComment addComment(String ticketId, NewComment comment, String idempotencyKey);

  /** The ticket with its comments, or empty when there is no such ticket. */
  Optional<Ticket> find(String ticketId);

  /** A page of tickets matching {@code filter}, newest first; {@code cursor} null for page one. */
  TicketPage list(TicketFilter filter, int limit, String cursor);
}

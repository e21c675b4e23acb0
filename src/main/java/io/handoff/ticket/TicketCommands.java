package io.handoff.ticket;

/**
 * Agent actions and inbound helpdesk changes, applied to the journey that owns the ticket. The lead's
 * implementation sends each as a Temporal update to the journey workflow, so every change runs the
 * support triggers and updates the journey view and SLA clocks. REST and webhook resources call only
 * this interface, after validating their input.
 */
public interface TicketCommands {

  /**
   * Applies an agent's change and returns the ticket after it (and after the triggers it fired).
   *
   * @throws TicketNotFoundException when no journey owns this ticket
   * @throws TicketRefusedException when the change is refused; nothing changed
   */
  Ticket change(String ticketId, TicketChange change);

  /**
   * Adds a comment (public reply or internal note) and returns it.
   *
   * @throws TicketNotFoundException when no journey owns this ticket
   * @throws TicketRefusedException when the comment is refused; nothing changed
   */
  TicketComment comment(String ticketId, NewComment comment);

  /**
   * The same, counted once per {@code idempotencyKey} (null: none): a retried POST with the same key
   * answers the comment the first one added, and adds no other.
   */
  default TicketComment comment(String ticketId, NewComment comment, String idempotencyKey) {
    return comment(ticketId, comment);
  }
}

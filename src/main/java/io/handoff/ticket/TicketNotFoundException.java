package io.handoff.ticket;

/** No ticket has this id in the helpdesk. */
public class TicketNotFoundException extends RuntimeException {
  private final String ticketId;

  public TicketNotFoundException(String ticketId) {
    super("ticket " + ticketId + " not found");
    this.ticketId = ticketId;
  }

  public String ticketId() {
    return ticketId;
  }
}

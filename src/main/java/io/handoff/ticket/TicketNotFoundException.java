package io.handoff.ticket;

/** No ticket has this id in the helpdesk. */
public class TicketNotFoundException extends RuntimeException {
  private final String ticketId;

  public TicketNotFoundException(String ticketId) {
    super("ticket " + ticketId + " not found");
    this.ticketId = ticketId;
  }

  /** Not found by a remote helpdesk; {@code cause} carries its answer. */
  public TicketNotFoundException(String ticketId, Throwable cause) {
    super("ticket " + ticketId + " not found", cause);
    this.ticketId = ticketId;
  }

  public String ticketId() {
    return ticketId;
  }
}

package io.handoff.ticket;

/**
 * Filters for listing tickets; null fields do not filter. Values are wire names / directory ids.
 */
public record TicketFilter(
    TicketStatus status, String group, String assignee, TicketPriority priority,
    String requesterId) {

  public static TicketFilter none() {
    return new TicketFilter(null, null, null, null, null);
  }
}

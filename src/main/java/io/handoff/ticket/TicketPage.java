package io.handoff.ticket;

import java.util.List;

/**
 * One page of tickets, newest first. {@code nextCursor} is opaque; null when there is no more.
 * List items carry tags and custom fields but no comments (read a ticket for its comments).
 */
public record TicketPage(List<Ticket> items, String nextCursor) {
  public TicketPage {
    items = List.copyOf(items);
  }
}

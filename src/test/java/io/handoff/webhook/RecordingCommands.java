package io.handoff.webhook;

import io.handoff.journey.InboundEvents;
import io.handoff.model.JourneyEvent;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketCommands;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Records what webhooks ask of the journey; knows only the tickets it is given. */
final class RecordingCommands implements TicketCommands, InboundEvents {
  final List<Object> calls = new ArrayList<>();
  private final Set<String> knownTickets;
  RuntimeException failure;

  RecordingCommands(Set<String> knownTickets) {
    this.knownTickets = knownTickets;
  }

  @Override
  public Ticket change(String ticketId, TicketChange change) {
    check(ticketId);
    calls.add(List.of(ticketId, change));
    return null;
  }

  @Override
  public TicketComment comment(String ticketId, NewComment comment) {
    check(ticketId);
    calls.add(List.of(ticketId, comment));
    return null;
  }

  @Override
  public void inboundEvent(JourneyEvent event) {
    calls.add(event);
  }

  private void check(String ticketId) {
    if (failure != null) {
      throw failure;
    }
    if (!knownTickets.contains(ticketId)) {
      throw new TicketNotFoundException(ticketId);
    }
  }
}

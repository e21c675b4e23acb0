package io.handoff.journey;

import io.handoff.model.JourneyEvent;
import java.time.Instant;

/**
 * One item of a journey's inbox: an inbound event or an agent action, processed in arrival order.
 * {@code restored} marks an entry re-delivered from the journal at the start of a restored journey
 * (its event is put on the timeline when processed, since no update handler saw it arrive).
 */
public record JourneyCommand(JourneyEvent event, TicketCommand ticket, boolean restored) {

  public JourneyCommand(JourneyEvent event, TicketCommand ticket) {
    this(event, ticket, false);
  }

  public String id() {
    return event != null ? event.eventId() : ticket.commandId();
  }

  /** When the command arrived at Handoff: the journey's clock for it (the original time on restore). */
  public Instant at(Instant fallback) {
    Instant at = event != null ? event.receivedAt() : ticket.receivedAt();
    return at != null ? at : fallback;
  }
}

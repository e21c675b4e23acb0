package io.handoff.journey;

import java.time.Instant;

/** One item of a journey's inbox: an inbound event or an agent action, processed in arrival order. */
public record JourneyCommand(JourneyEvent event, TicketCommand ticket) {

  public String id() {
    return event != null ? event.eventId() : ticket.commandId();
  }

  /** When the command arrived at Handoff: the journey's clock for it (the original time on restore). */
  public Instant at(Instant fallback) {
    Instant at = event != null ? event.receivedAt() : ticket.receivedAt();
    return at != null ? at : fallback;
  }
}

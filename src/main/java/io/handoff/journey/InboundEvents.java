package io.handoff.journey;

import io.handoff.model.JourneyEvent;

/**
 * Delivers messaging events mapped from inbound webhooks (e.g. Sunshine Conversations) to their journeys,
 * like a REST event POST. Kept apart from {@link io.handoff.ticket.TicketCommands} so that {@code ticket}
 * does not import {@code journey}.
 */
public interface InboundEvents {

  /**
   * Delivers one event to the journey of its conversation.
   *
   * @throws JourneyService.NotStarted when the event may not open a journey and none is running
   */
  void inboundEvent(JourneyEvent event);
}

package io.handoff.journey;

import io.handoff.model.Stage;

/** Result of delivering an event to a journey: its id and whether it was a duplicate of an earlier one. */
public record EventAck(String journeyId, String eventId, boolean duplicate, Stage stage) {}

package io.handoff.journey;

import java.time.Duration;

/** Representative journeys run on the in-memory test environment, used to record replayable histories. */
final class JourneyScenarios {
  private JourneyScenarios() {}

  /** Runs a journey from the first message to a solved ticket and returns its history as JSON. */
  static String runRepresentativeJourney() {
    try (JourneyTestEnv t = JourneyTestEnv.withDefaults()) {
      t.send(t.event("rec-1", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
      t.send(t.event("rec-1", EventType.MESSAGE_RECEIVED, "I need a refund for my last order",
          CustomerJourneyWorkflowTest.ENTERPRISE));
      t.env.sleep(Duration.ofSeconds(5));
      String ticketId = t.view("rec-1").ticket().id();
      t.command("rec-1", CustomerJourneyWorkflowTest.comment(ticketId, "We are on it."));
      t.env.sleep(Duration.ofHours(2));
      return t.client.fetchHistory("journey-rec-1").toJson(true);
    }
  }
}

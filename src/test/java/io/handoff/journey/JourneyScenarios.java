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

  /**
   * Runs a journey whose unassigned ticket waits two days, so the shipped automation "Escalate
   * unassigned tickets after 8 business hours" fires (its timer, run, update and support triggers),
   * then an agent replies; returns its history as JSON.
   */
  static String runAutomationJourney() {
    try (JourneyTestEnv t = JourneyTestEnv.withDefaults()) {
      t.send(t.event("rec-2", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
      t.send(t.event("rec-2", EventType.MESSAGE_RECEIVED, "I need a refund for my last order",
          CustomerJourneyWorkflowTest.ENTERPRISE));
      t.env.sleep(Duration.ofDays(2));
      String ticketId = t.view("rec-2").ticket().id();
      t.command("rec-2", CustomerJourneyWorkflowTest.comment(ticketId, "We are on it."));
      t.env.sleep(Duration.ofHours(2));
      if (t.view("rec-2").timeline().stream().noneMatch(e -> e.step().equals("automations"))) {
        throw new IllegalStateException("the recorded journey ran no automation");
      }
      return t.client.fetchHistory("journey-rec-2").toJson(true);
    }
  }
}

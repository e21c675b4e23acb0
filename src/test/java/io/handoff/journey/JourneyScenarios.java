package io.handoff.journey;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import io.handoff.temporal.SearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;

/** Representative journeys run on the in-memory test environment, used to record replayable histories. */
final class JourneyScenarios {
  private JourneyScenarios() {}

  /** Runs conversation start, two customer messages and returns the history as JSON. */
  static String runRepresentativeJourney() {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      SearchAttributes.all().forEach(env::registerSearchAttribute);
      Worker worker = env.newWorker("record");
      worker.registerWorkflowImplementationTypes(CustomerJourneyWorkflowImpl.class);
      worker.registerActivitiesImplementations(mock(JourneyActivities.class, withSettings().withoutAnnotations()));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      CustomerJourneyWorkflowTest.send(client, worker, "rec-1", EventType.CONVERSATION_STARTED, null,
          JourneySettings.DEFAULTS);
      CustomerJourneyWorkflowTest.send(client, worker, "rec-1", EventType.MESSAGE_RECEIVED, "I need a refund",
          JourneySettings.DEFAULTS);
      env.sleep(Duration.ofSeconds(5));
      return client.fetchHistory("journey-rec-1").toJson(true);
    } finally {
      env.close();
    }
  }
}

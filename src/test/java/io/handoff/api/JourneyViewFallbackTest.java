package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.handoff.journey.CustomerJourneyWorkflow;
import io.handoff.journey.JourneyInput;
import io.handoff.journey.JourneyProjection;
import io.handoff.journey.JourneyView;
import io.handoff.journey.ProjectionStore;
import io.handoff.journey.TicketView;
import io.handoff.model.RoutingView;
import io.handoff.model.Stage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A journey whose workflow does not answer its view query (here: no worker polls the task queue, as
 * while the worker is down) is served from the journey index, marked {@code Handoff-View-Source:
 * projection}; one the index does not know yet is a 503 problem, not a hung request or a 500.
 */
@QuarkusTest
@TestProfile(JourneyViewFallbackTest.NoWorker.class)
@Timeout(120)
class JourneyViewFallbackTest {

  /** An API-only instance: no worker, short query and update timeouts, nothing restored. */
  public static class NoWorker implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.temporal.worker-enabled", "false", "handoff.temporal.query-timeout", "1s",
          "handoff.temporal.update-timeout", "2s", "handoff.restore.enabled", "false");
    }
  }

  @Inject WorkflowClient client;
  @Inject ProjectionStore index;

  @Test
  void aJourneyWhoseWorkflowDoesNotAnswerIsServedFromItsLastProjection() {
    String journeyId = startWorkflowNobodyRuns();
    Instant at = Instant.parse("2026-11-26T09:00:00Z");
    index.write(new JourneyProjection(new JourneyView(journeyId, journeyId.substring(8), Stage.TICKETED,
        "web_widget", "en", List.of("pricing"), 1, RoutingView.NONE, new TicketView("41", "open", "high", "Sales", null),
        Map.of(), "active", at, at, 1, 0, List.of(), null, null, List.of()), List.of(), 3));

    given().when().get("/api/journeys/" + journeyId).then().statusCode(200)
        .header(JourneyResource.VIEW_SOURCE, "projection")
        .body("stage", equalTo("TICKETED"))
        .body("ticket.id", equalTo("41"));
  }

  @Test
  void aJourneyThatDoesNotAnswerAndWasNeverProjectedIsA503Problem() {
    String journeyId = startWorkflowNobodyRuns();

    given().when().get("/api/journeys/" + journeyId).then().statusCode(503)
        .contentType("application/problem+json")
        .body("detail", containsString(journeyId))
        .body("detail", containsString("DEADLINE_EXCEEDED"));
  }

  private String startWorkflowNobodyRuns() {
    String conversation = "fallback-" + UUID.randomUUID();
    String journeyId = "journey-" + conversation;
    CustomerJourneyWorkflow stub = client.newWorkflowStub(CustomerJourneyWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(journeyId).setTaskQueue("handoff-journeys").build());
    WorkflowClient.start(stub::run, JourneyInput.start(conversation, null));
    return journeyId;
  }
}

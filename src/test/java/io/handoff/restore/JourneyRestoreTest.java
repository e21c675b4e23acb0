package io.handoff.restore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.journey.JourneyRestorer;
import io.handoff.testing.Events;
import io.handoff.testing.Journeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A journey whose workflow is lost (as on a restart of the embedded server) comes back from its
 * journal: the agent's solve is replayed onto the restored ticket, not refused, and the close clock
 * then fires once.
 */
@QuarkusTest
@Timeout(120)
class JourneyRestoreTest {
  @Inject JourneyRestorer restorer;
  @Inject WorkflowClient client;

  @Test
  void aSolvedJourneyIsRestoredWithItsAgentActionAndThenCloses() {
    String id = "restore-" + UUID.randomUUID();
    String journeyId = Events.post(id, """
        {"type":"conversation.started","channel":"web_widget",
         "customer":{"id":"u-r","name":"Ana","email":"ana@example.com","tier":"enterprise"}}""");
    String message = """
        {"type":"message.received","eventId":"m-%s","text":"How much does the enterprise plan cost? I want to talk to sales."}"""
        .formatted(id);
    Events.post(id, message);
    String ticketId = Journeys.awaitTicket(journeyId);
    given().contentType(ContentType.JSON).body("{\"status\":\"solved\"}")
        .when().patch("/api/tickets/{id}", ticketId).then().statusCode(200);

    client.newUntypedWorkflowStub(journeyId).terminate("simulated loss of the embedded server");
    restorer.restore(journeyId);

    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonPath view = Journeys.view(journeyId);
      assertThat(view.getInt("restores")).isEqualTo(1);
      assertThat(view.getString("stage")).isEqualTo("CLOSED");
      assertThat(view.getString("ticket.id")).isEqualTo(ticketId);
      List<String> steps = view.getList("timeline.step", String.class);
      assertThat(steps).contains("event.conversation.started", "stage.solved");
      assertThat(steps.indexOf("event.message.received")).isBetween(0, steps.indexOf("ai.triage"));
    });

    assertThat(Journeys.ticket(ticketId).getString("status")).isEqualTo("closed");
  }
}

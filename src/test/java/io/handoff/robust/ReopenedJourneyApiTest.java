package io.handoff.robust;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.journey.JourneyRestorer;
import io.handoff.testing.Events;
import io.handoff.testing.Journeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, item 5: a message after the follow-up window goes on in a new run that keeps the customer, the
 * tier and the ticket history; the list follows its stage, and it survives a restart.
 */
@QuarkusTest
@TestProfile(ReopenedJourneyApiTest.ShortWindows.class)
@Timeout(240)
class ReopenedJourneyApiTest {
  @Inject JourneyRestorer restorer;
  @Inject WorkflowClient client;

  /** Solved tickets close after 1 s, closed journeys finish 2 s later. */
  public static class ShortWindows implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.helpdesk.auto-close-after", "1s", "handoff.journey.follow-up-window", "2s",
          "handoff.restore.enabled", "false");
    }
  }

  @Test
  void aMessageAfterTheFollowUpWindowReopensTheJourneyWithItsCustomerAndSurvivesARestart() {
    Journeys.Ticketed t = Journeys.enterprisePricing("reopen");
    given().contentType(ContentType.JSON).body("{\"status\":\"solved\"}")
        .when().patch("/api/tickets/{id}", t.ticketId()).then().statusCode(200);
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var stub = client.newUntypedWorkflowStub(t.journeyId());
      assertThat(stub.describe().getStatus()).isNotEqualTo(io.temporal.api.enums.v1.WorkflowExecutionStatus
          .WORKFLOW_EXECUTION_STATUS_RUNNING);
    });
    Events.post(t.conversationId(), """
        {"type":"message.received","channel":"web_widget","text":"The price you quoted is wrong, please call me"}""");
    String newTicket = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonPath v = Journeys.view(t.journeyId());
      return "TICKETED".equals(v.getString("stage")) && !t.ticketId().equals(v.getString("ticket.id"))
          ? v.getString("ticket.id") : null;
    }, java.util.Objects::nonNull);
    JsonPath ticket = Journeys.ticket(newTicket);
    assertThat(ticket.getString("requesterName")).isEqualTo("Rita Ora");
    assertThat(ticket.getString("customFields.tier")).isEqualTo("enterprise");
    assertThat(ticket.getString("customFields.follow_up_of")).isEqualTo(t.ticketId());
    List<String> steps = Journeys.view(t.journeyId()).getList("timeline.step");
    assertThat(steps).contains("journey.finished", "journey.reopened");
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        given().queryParam("limit", 200).when().get("/api/journeys").then().statusCode(200).extract().jsonPath()
            .getString("items.find { it.journeyId == '" + t.journeyId() + "' }.stage")).isEqualTo("TICKETED"));

    // A restart loses the workflow; the restore brings back the reopened journey, not the closed one.
    client.newUntypedWorkflowStub(t.journeyId()).terminate("test: a restart of the embedded server");
    restorer.restore(t.journeyId());
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonPath v = Journeys.view(t.journeyId());
      assertThat(v.getString("stage")).isEqualTo("TICKETED");
      assertThat(v.getString("ticket.id")).isEqualTo(newTicket);
    });
  }
}

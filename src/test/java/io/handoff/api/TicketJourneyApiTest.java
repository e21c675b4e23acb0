package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.handoff.testing.Events;
import io.handoff.testing.Journeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A whole journey driven only through REST: handoff, agent reply, customer reply, solve, close. */
@QuarkusTest
@Timeout(120)
class TicketJourneyApiTest {

  @Test
  void humanRequestGoesFromMessageToSolvedAndClosed() {
    String id = "full-" + UUID.randomUUID();
    String journeyId = Events.post(id, """
        {"type":"conversation.started","channel":"whatsapp",
         "customer":{"id":"u-full","name":"Jonas","email":"jonas@example.com","locale":"en"}}""");
    Events.post(id, """
        {"type":"message.received","channel":"whatsapp","text":"I want to talk to a human, please."}""");
    String ticketId = Journeys.awaitTicket(journeyId);
    JsonPath view = Journeys.view(journeyId);
    assertThat(view.getString("routing.ai.intent")).isEqualTo("human_request");
    assertThat(view.getString("ticket.group")).isEqualTo("general");

    given().contentType(ContentType.JSON)
        .body("{\"body\":\"Hi Jonas, Emma here. How can I help?\",\"author\":\"emma.garcia\"}")
        .when().post("/api/tickets/{id}/comments", ticketId).then().statusCode(201);
    assertThat(Journeys.ticket(ticketId).getString("status")).isEqualTo("pending");

    Events.post(id, """
        {"type":"customer.replied","channel":"whatsapp","text":"My order arrived broken."}""");
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonPath t = Journeys.ticket(ticketId);
      assertThat(t.getString("status")).isEqualTo("open");
      assertThat(t.getList("comments.body", String.class)).contains("My order arrived broken.");
    });

    given().contentType(ContentType.JSON).body("{\"status\":\"solved\"}")
        .when().patch("/api/tickets/{id}", ticketId).then().statusCode(200).body("status", equalTo("solved"));
    JsonPath solved = Journeys.view(journeyId);
    List<String> steps = solved.getList("timeline.step");
    assertThat(solved.getString("stage")).isIn("SOLVED", "CLOSED");
    assertThat(steps).contains("stage.solved");
    assertThat(solved.getBoolean("sla.first_reply_time.fulfilled")).isTrue();

    Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
      assertThat(Journeys.view(journeyId).getString("stage")).isEqualTo("CLOSED");
      assertThat(Journeys.ticket(ticketId).getString("status")).isEqualTo("closed");
    });
  }
}

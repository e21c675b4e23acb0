package io.handoff.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Drives real journeys to a ticket through the public REST API in @QuarkusTests. */
public final class Journeys {
  private Journeys() {}

  /** A journey handed off to a ticket, with its ids. */
  public record Ticketed(String conversationId, String journeyId, String ticketId) {}

  /** An enterprise customer on the pricing page asks about a plan's price: hands off to Sales. */
  public static Ticketed enterprisePricing(String prefix) {
    String id = prefix + "-" + UUID.randomUUID();
    String journeyId = Events.post(id, """
        {"type":"conversation.started","channel":"web_widget","pageUrl":"https://shop.example/pricing",
         "customer":{"id":"u-%s","name":"Rita Ora","email":"rita@example.com","locale":"en","tier":"enterprise"}}"""
        .formatted(id));
    Events.post(id, """
        {"type":"message.received","channel":"web_widget","text":"How much does the Enterprise plan cost?"}""");
    return new Ticketed(id, journeyId, awaitTicket(journeyId));
  }

  /** Waits until the journey is TICKETED and returns its ticket id. */
  public static String awaitTicket(String journeyId) {
    String[] ticket = new String[1];
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonPath view = view(journeyId);
      assertThat(view.getString("stage")).isEqualTo("TICKETED");
      assertThat(view.getString("ticket.id")).isNotNull();
      ticket[0] = view.getString("ticket.id");
    });
    return ticket[0];
  }

  /** The journey view. */
  public static JsonPath view(String journeyId) {
    return given().when().get("/api/journeys/{id}", journeyId).then().statusCode(200).extract().jsonPath();
  }

  /** The ticket as the helpdesk REST API shows it. */
  public static JsonPath ticket(String ticketId) {
    return given().when().get("/api/tickets/{id}", ticketId).then().statusCode(200).extract().jsonPath();
  }
}

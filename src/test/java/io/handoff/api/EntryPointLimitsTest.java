package io.handoff.api;

import static io.handoff.api.WebhookApiTest.SUNSHINE_SECRET;
import static io.handoff.api.WebhookApiTest.ZENDESK_SECRET;
import static io.handoff.api.WebhookApiTest.sign;
import static io.handoff.api.WebhookApiTest.sunshine;
import static io.handoff.api.WebhookApiTest.sunshineMessage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.handoff.testing.Journeys;
import io.handoff.testing.Journeys.Ticketed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One set of limits for every entry point (REST, Sunshine, Zendesk webhooks): ids, text lengths,
 * events that cannot open a journey, and Zendesk deliveries deduplicated on what is signed.
 */
@QuarkusTest
@Timeout(180)
class EntryPointLimitsTest {

  private static ValidatableResponse post(String conversationId, String body) {
    return given().contentType("application/json").body(body)
        .when().post("/api/conversations/{id}/events", conversationId).then();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"agent.replied\",\"text\":\"Hello\",\"agent\":{\"id\":\"ana.souza\",\"name\":\"Ana\"}}",
      "{\"type\":\"conversation.ended\"}",
      "{\"type\":\"customer.replied\",\"text\":\"Any news?\"}",
      "{\"type\":\"conversation.queued\"}",
      "{\"type\":\"conversation.assigned\"}"})
  void anEventThatCannotOpenAJourneyIsRefusedForAConversationThatNeverStarted(String body) {
    String conversation = "phantom-" + UUID.randomUUID();
    post(conversation, body).statusCode(409).contentType("application/problem+json")
        .body("type", equalTo("https://handoff.dev/problems/conversation-not-started"))
        .body("field", equalTo("type"));
    given().when().get("/api/journeys/journey-{id}", conversation).then().statusCode(404);
    // the conversation can still start afterwards, and then the same event is accepted
    post(conversation, "{\"type\":\"conversation.started\",\"channel\":\"web_widget\"}").statusCode(202);
    post(conversation, body).statusCode(202);
  }

  @Test
  void aSunshineRemoveOfAConversationThatNeverStartedStartsNothing() {
    String conversation = "sunrm" + UUID.randomUUID().toString().replace("-", "");
    String body = """
        {"app": {"id": "app-1"}, "webhook": {"id": "wh-1", "version": "v2"},
         "events": [{"id": "%s", "createdAt": "%s", "type": "conversation:remove",
           "payload": {"conversation": {"id": "%s", "type": "personal"}}}]}"""
        .formatted(UUID.randomUUID(), Instant.now(), conversation);
    sunshine(SUNSHINE_SECRET, body).statusCode(200).body("detail", containsString("1 ignored"));
    given().when().get("/api/journeys/journey-{id}", conversation).then().statusCode(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "..", "", "a\\nb", "LONG"})
  void aSunshineConversationIdIsValidatedLikeARestId(String id) {
    String conversationId = "LONG".equals(id) ? "x".repeat(2000) : id;
    sunshine(SUNSHINE_SECRET, sunshineMessage(conversationId, "Hello")).statusCode(400)
        .contentType("application/problem+json")
        .body("field", equalTo("events[].payload.conversation.id"));
  }

  @Test
  void aTextOverTwentyThousandCharactersIsRefusedOnEveryPath() throws Exception {
    String longText = "a".repeat(20_001);
    String conversation = "sunlong" + UUID.randomUUID().toString().replace("-", "");
    sunshine(SUNSHINE_SECRET, sunshineMessage(conversation, longText)).statusCode(400)
        .contentType("application/problem+json").body("field", equalTo("events[].payload.message.content.text"));
    given().when().get("/api/journeys/journey-{id}", conversation).then().statusCode(404);
    post("rest-long-" + UUID.randomUUID(), "{\"type\":\"message.received\",\"text\":\"" + longText + "\"}")
        .statusCode(400).contentType("application/problem+json").body("field", equalTo("text"));

    Ticketed t = Journeys.enterprisePricing("long-comment");
    given().contentType("application/json").body("{\"body\":\"" + longText + "\",\"author\":\"ana.souza\"}")
        .when().post("/api/tickets/{id}/comments", t.ticketId()).then().statusCode(400)
        .contentType("application/problem+json").body("field", equalTo("body"));
    String zendesk = WebhookApiTest.commentAdded(t.ticketId(), longText);
    String ts = Instant.now().toString();
    WebhookApiTest.zendesk(sign(ZENDESK_SECRET, ts, zendesk), ts, zendesk).statusCode(422)
        .contentType("application/problem+json").body("field", equalTo("body"));
    assertThat(Journeys.ticket(t.ticketId()).getList("comments.body", String.class)).noneMatch(b -> b.length() > 20_000);
  }

  @Test
  void theSameSignedZendeskBodyIsAppliedOnceWhateverItsInvocationId() throws Exception {
    Ticketed t = Journeys.enterprisePricing("wh-dedup");
    String body = WebhookApiTest.commentAdded(t.ticketId(), "Exactly once.");
    String ts = Instant.now().toString();
    String sig = sign(ZENDESK_SECRET, ts, body);
    zendesk(sig, ts, body, "inv-1").statusCode(200).body("status", equalTo("applied"));
    zendesk(sig, ts, body, "inv-2").statusCode(200).body("status", equalTo("duplicate"));
    zendesk(sig, ts, body, null).statusCode(200).body("status", equalTo("duplicate"));
    // re-signed later (a new timestamp), the same Zendesk event id is still the same delivery
    String later = Instant.now().plusSeconds(1).toString();
    zendesk(sign(ZENDESK_SECRET, later, body), later, body, "inv-3").statusCode(200)
        .body("status", equalTo("duplicate"));
    assertThat(Journeys.ticket(t.ticketId()).getList("comments.body", String.class))
        .filteredOn("Exactly once."::equals).hasSize(1);
  }

  private static ValidatableResponse zendesk(String signature, String timestamp, String body, String invocation) {
    var req = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
        .header("X-Zendesk-Webhook-Signature", signature).header("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
    if (invocation != null) {
      req = req.header("X-Zendesk-Webhook-Invocation-Id", invocation);
    }
    return req.when().post("/api/webhooks/zendesk").then();
  }
}

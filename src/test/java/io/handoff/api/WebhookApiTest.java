package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.handoff.testing.Journeys;
import io.handoff.testing.Journeys.Ticketed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Signed inbound webhooks through REST onto real journeys. The secrets are the {@code %test.} keys
 * of application.properties.
 */
@QuarkusTest
@Timeout(120)
class WebhookApiTest {
  static final String ZENDESK_SECRET = "test-zendesk-signing-secret";
  static final String SUNSHINE_SECRET = "test-sunshine-secret";

  /** Zendesk's signature: base64(HMAC-SHA256(secret, timestamp + body)), computed independently. */
  static String sign(String secret, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
  }

  static ValidatableResponse zendesk(String signature, String timestamp, String body) {
    var req = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
    if (signature != null) {
      req = req.header("X-Zendesk-Webhook-Signature", signature);
    }
    if (timestamp != null) {
      req = req.header("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
    }
    return req.when().post("/api/webhooks/zendesk").then();
  }

  static String statusChanged(String ticketId, String status) {
    return """
        {"account_id": 22129848,
         "detail": {"actor_id": "9001", "id": "%1$s", "priority": "HIGH", "status": "%2$s",
                    "subject": "Pricing", "via": {"channel": "web_service"}},
         "event": {"current": "%2$s", "previous": "NEW"},
         "id": "%3$s", "subject": "zen:ticket:%1$s", "time": "%4$s",
         "type": "zen:event-type:ticket.status_changed", "zendesk_event_version": "2022-11-06"}"""
        .formatted(ticketId, status, UUID.randomUUID(), Instant.now());
  }

  static String commentAdded(String ticketId, String body) {
    return """
        {"account_id": 22129848,
         "detail": {"id": "%1$s", "status": "NEW", "priority": "HIGH"},
         "event": {"comment": {"id": "77001", "body": "%2$s", "is_public": true,
                               "author": {"id": "9001", "is_staff": true, "name": "Zed Agent"}}},
         "id": "%3$s", "subject": "zen:ticket:%1$s", "time": "%4$s",
         "type": "zen:event-type:ticket.comment_added", "zendesk_event_version": "2022-11-06"}"""
        .formatted(ticketId, body, UUID.randomUUID(), Instant.now());
  }

  @Test
  void aSignedStatusEventChangesTheJourneysTicket() throws Exception {
    Ticketed t = Journeys.enterprisePricing("wh-status");
    String body = statusChanged(t.ticketId(), "HOLD");
    String ts = Instant.now().toString();
    zendesk(sign(ZENDESK_SECRET, ts, body), ts, body).statusCode(200).body("status", equalTo("applied"));
    assertThat(Journeys.ticket(t.ticketId()).getString("status")).isEqualTo("hold");
    assertThat(Journeys.view(t.journeyId()).getString("ticket.status")).isEqualTo("hold");
  }

  @Test
  void aSignedCommentEventAddsTheCommentAndRunsTheTriggers() throws Exception {
    Ticketed t = Journeys.enterprisePricing("wh-comment");
    String body = commentAdded(t.ticketId(), "We can offer a volume discount.");
    String ts = Instant.now().toString();
    zendesk(sign(ZENDESK_SECRET, ts, body), ts, body).statusCode(200).body("status", equalTo("applied"));
    JsonPath ticket = Journeys.ticket(t.ticketId());
    assertThat(ticket.getList("comments.body", String.class)).contains("We can offer a volume discount.");
    // The seed trigger "agent reply sets pending" fires on the public agent comment.
    assertThat(ticket.getString("status")).isEqualTo("pending");
    JsonPath view = Journeys.view(t.journeyId());
    assertThat(view.getString("ticket.status")).isEqualTo("pending");
    assertThat(view.getBoolean("sla.first_reply_time.fulfilled")).isTrue();
  }

  @Test
  void forgedStaleAndMissingSignaturesAreRefusedAndChangeNothing() throws Exception {
    Ticketed t = Journeys.enterprisePricing("wh-refuse");
    Map<String, Object> before = Journeys.ticket(t.ticketId()).getMap("$");
    int timeline = Journeys.view(t.journeyId()).getList("timeline").size();
    String body = statusChanged(t.ticketId(), "SOLVED");
    String ts = Instant.now().toString();
    zendesk(sign("not-the-secret", ts, body), ts, body).statusCode(403)
        .contentType("application/problem+json");
    zendesk(sign(ZENDESK_SECRET, ts, body.replace("SOLVED", "OPEN")), ts, body).statusCode(403);
    String stale = Instant.now().minus(Duration.ofMinutes(30)).toString();
    zendesk(sign(ZENDESK_SECRET, stale, body), stale, body).statusCode(403);
    zendesk(null, ts, body).statusCode(401).contentType("application/problem+json");
    zendesk(sign(ZENDESK_SECRET, ts, body), null, body).statusCode(401);
    assertThat(Journeys.ticket(t.ticketId()).getMap("$")).isEqualTo(before);
    JsonPath view = Journeys.view(t.journeyId());
    assertThat(view.getString("stage")).isEqualTo("TICKETED");
    assertThat(view.getList("timeline")).hasSize(timeline);
  }

  @Test
  void aRedeliveredInvocationIsAppliedOnce() throws Exception {
    Ticketed t = Journeys.enterprisePricing("wh-dup");
    String body = commentAdded(t.ticketId(), "Only once, please.");
    String ts = Instant.now().toString();
    String sig = sign(ZENDESK_SECRET, ts, body);
    zendesk(sig, ts, body).statusCode(200).body("status", equalTo("applied"));
    zendesk(sig, ts, body).statusCode(200).body("status", equalTo("duplicate"));
    assertThat(Journeys.ticket(t.ticketId()).getList("comments.body", String.class))
        .filteredOn("Only once, please."::equals).hasSize(1);
  }

  static String triggerUpdate(String ticketId, String fields) {
    return "{\"type\": \"ticket.updated\", \"ticket\": {\"id\": \"" + ticketId + "\", " + fields + "}}";
  }

  @Test
  void aSignedTriggerUpdateReroutesTheTicketAndTheJourneySeesIt() throws Exception {
    Ticketed t = Journeys.enterprisePricing("wh-trigger");
    String body = triggerUpdate(t.ticketId(),
        "\"priority\": \"Urgent\", \"group_id\": \"technical\", \"assignee_id\": \"ben.keller\"");
    String ts = Instant.now().toString();
    zendesk(sign(ZENDESK_SECRET, ts, body), ts, body).statusCode(200).body("status", equalTo("applied"));
    JsonPath ticket = Journeys.ticket(t.ticketId());
    assertThat(ticket.getString("priority")).isEqualTo("urgent");
    assertThat(ticket.getString("group")).isEqualTo("technical");
    assertThat(Journeys.view(t.journeyId()).getMap("ticket")).containsEntry("group", "technical")
        .containsEntry("assignee", "ben.keller").containsEntry("priority", "urgent");
  }

  @Test
  void aSignedUpdateWithAnUnknownGroupIsRefusedAndChangesNothing() throws Exception {
    Ticketed t = Journeys.enterprisePricing("wh-badgroup");
    Map<String, Object> before = Journeys.ticket(t.ticketId()).getMap("$");
    String body = triggerUpdate(t.ticketId(), "\"group_id\": \"astronauts\"");
    String ts = Instant.now().toString();
    zendesk(sign(ZENDESK_SECRET, ts, body), ts, body).statusCode(422)
        .contentType("application/problem+json").body("field", equalTo("group"));
    assertThat(Journeys.ticket(t.ticketId()).getMap("$")).isEqualTo(before);
    assertThat(Journeys.view(t.journeyId()).getString("ticket.group")).isEqualTo("sales");
  }

  static String sunshineMessage(String conversationId, String text) {
    return """
        {"app": {"id": "app-1"}, "webhook": {"id": "wh-1", "version": "v2"},
         "events": [{"id": "%3$s", "createdAt": "%4$s", "type": "conversation:message",
           "payload": {"conversation": {"id": "%1$s", "type": "personal"},
             "message": {"id": "m-%3$s", "received": "%4$s",
               "author": {"userId": "u-sun", "displayName": "Jo Doe", "type": "user",
                          "user": {"id": "u-sun", "externalId": "cust-sun",
                                   "profile": {"givenName": "Jo", "surname": "Doe", "email": "jo@example.com"}}},
               "content": {"type": "text", "text": "%2$s"},
               "source": {"type": "whatsapp"}}}}]}"""
        .formatted(conversationId, text, UUID.randomUUID(), Instant.now());
  }

  static ValidatableResponse sunshine(String apiKey, String body) {
    var req = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
    if (apiKey != null) {
      req = req.header("X-API-Key", apiKey);
    }
    return req.when().post("/api/webhooks/sunshine").then();
  }

  @Test
  void anAuthenticatedSunshineMessageReachesTheJourney() {
    String conversation = "sun" + UUID.randomUUID().toString().replace("-", "");
    sunshine(SUNSHINE_SECRET, sunshineMessage(conversation, "Where is my parcel?")).statusCode(200);
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonPath view = Journeys.view("journey-" + conversation);
      assertThat(view.getString("channel")).isEqualTo("whatsapp");
      assertThat(view.getList("timeline.text", String.class)).contains("Where is my parcel?");
    });
  }

  @Test
  void aSunshineCallWithAWrongOrMissingKeyStartsNothing() {
    String conversation = "sun" + UUID.randomUUID().toString().replace("-", "");
    String body = sunshineMessage(conversation, "Hello?");
    sunshine("guess", body).statusCode(403).contentType("application/problem+json");
    sunshine(null, body).statusCode(401).contentType("application/problem+json");
    given().when().get("/api/journeys/journey-{id}", conversation).then().statusCode(404);
  }
}

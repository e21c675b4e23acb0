package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.handoff.messaging.MessageOutboxStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@Timeout(120)
class JourneyApiTest {
  @Inject DataSource dataSource;

  static String post(String conversationId, String body) {
    return io.handoff.testing.Events.post(conversationId, body);
  }

  @Test
  void twoEventJourneyShowsBothEventsInItsTimeline() {
    String id = "c-" + UUID.randomUUID();
    String journeyId = post(id, """
        {"type":"conversation.started","channel":"web_widget","pageUrl":"https://shop.example/pricing",
         "customer":{"id":"u1","name":"Ana","email":"ana@example.com","locale":"es"}}""");
    assertThat(journeyId).isEqualTo("journey-" + id);
    post(id, """
        {"type":"message.received","channel":"web_widget","text":"Hola, ¿cuánto cuesta el plan Pro?"}""");

    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        given().when().get("/api/journeys/{id}", journeyId).then().statusCode(200)
            .body("journeyId", equalTo(journeyId))
            .body("conversationId", equalTo(id))
            .body("channel", equalTo("web_widget"))
            .body("timeline.step", hasItem("event.conversation.started"))
            .body("timeline.step", hasItem("event.message.received"))
            .body("timeline.text", hasItem("Hola, ¿cuánto cuesta el plan Pro?")));
  }

  @Test
  void twentyConcurrentFirstEventsStartOneJourneyWithAllMessages() throws Exception {
    String id = "race-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String text = "message " + i;
        calls.add(() -> post(id, "{\"type\":\"message.received\",\"channel\":\"whatsapp\",\"text\":\"" + text + "\"}"));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(calls)) {
        ids.add(f.get());
      }
      assertThat(ids).containsOnly("journey-" + id);
    } finally {
      pool.shutdownNow();
    }
    JsonPath view = given().when().get("/api/journeys/journey-{id}", id).then().statusCode(200).extract().jsonPath();
    List<String> texts = view.getList("timeline.findAll { it.step == 'event.message.received' }.text");
    assertThat(texts).hasSize(20);
    for (int i = 0; i < 20; i++) {
      assertThat(texts).contains("message " + i);
    }
    assertThat(view.getInt("runs")).isEqualTo(1);
  }

  @Test
  void resendingAnEventWithTheSameIdempotencyKeyCountsOnce() {
    String id = "idem-" + UUID.randomUUID();
    for (int i = 0; i < 2; i++) {
      given().contentType(ContentType.JSON).header("Idempotency-Key", "evt-1")
          .body("{\"type\":\"message.received\",\"text\":\"only once\"}")
          .when().post("/api/conversations/{id}/events", id).then().statusCode(202);
    }
    List<String> texts = given().when().get("/api/journeys/journey-{id}", id).then().statusCode(200)
        .extract().jsonPath().getList("timeline.findAll { it.step == 'event.message.received' }.text");
    assertThat(texts).containsExactly("only once");
  }

  @Test
  void journeyListPagesWithACursorAndFilters() {
    String prefix = "list-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    for (int i = 0; i < 3; i++) {
      post(prefix + i, "{\"type\":\"conversation.started\",\"channel\":\"instagram\"}");
    }
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<String> all = given().queryParam("channel", "instagram").queryParam("limit", 200)
          .when().get("/api/journeys").then().statusCode(200).extract().jsonPath().getList("items.journeyId");
      assertThat(all).contains("journey-" + prefix + 0, "journey-" + prefix + 1, "journey-" + prefix + 2);
    });
    JsonPath first = given().queryParam("limit", 1).when().get("/api/journeys").then().statusCode(200)
        .extract().jsonPath();
    assertThat(first.getList("items")).hasSize(1);
    String cursor = first.getString("nextCursor");
    assertThat(cursor).isNotNull();
    String second = given().queryParam("limit", 1).queryParam("cursor", cursor).when().get("/api/journeys")
        .then().statusCode(200).extract().path("items[0].journeyId");
    assertThat(second).isNotEqualTo(first.getString("items[0].journeyId"));
  }

  @Test
  void unknownJourneyIsA404Problem() {
    given().when().get("/api/journeys/journey-does-not-exist").then().statusCode(404)
        .contentType("application/problem+json").body("status", equalTo(404));
  }

  @Test
  void malformedJsonIsA400ProblemAndStartsNothing() {
    String id = "bad-" + UUID.randomUUID();
    given().contentType(ContentType.JSON).body("{\"type\": \"message.received\", ")
        .when().post("/api/conversations/{id}/events", id)
        .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"))
        .body("title", equalTo("Malformed JSON"));
    given().when().get("/api/journeys/journey-{id}", id).then().statusCode(404);
  }

  @Test
  void invalidFieldsAreNamedAndStartNothing() {
    String id = "bad-" + UUID.randomUUID();
    given().contentType(ContentType.JSON)
        .body("{\"type\":\"message.received\",\"channel\":\"carrier-pigeon\",\"text\":42,"
            + "\"customer\":{\"email\":\"not-an-email\"},\"colour\":\"blue\"}")
        .when().post("/api/conversations/{id}/events", id)
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("channel"))
        .body("errors.field", hasItem("text"))
        .body("errors.field", hasItem("customer.email"))
        .body("errors.field", hasItem("colour"));
    given().when().get("/api/journeys/journey-{id}", id).then().statusCode(404);
  }

  @Test
  void unknownEventTypeNamesTheField() {
    given().contentType(ContentType.JSON).body("{\"type\":\"message.exploded\"}")
        .when().post("/api/conversations/{id}/events", "t-" + UUID.randomUUID())
        .then().statusCode(400).body("field", equalTo("type")).body("detail", startsWith("type: unknown event type"));
  }

  @Test
  void invalidConversationIdIsRefused() {
    given().contentType(ContentType.JSON).body("{\"type\":\"conversation.started\"}")
        .when().post("/api/conversations/{id}/events", "has space")
        .then().statusCode(400).body("field", equalTo("conversationId"));
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    given().contentType(ContentType.JSON).body(body)
        .when().post("/api/conversations/{id}/events", "u-" + UUID.randomUUID())
        .then().statusCode(400).contentType("application/problem+json").body("detail", startsWith("body:"));
  }

  @Test
  void agentReplyWithoutAgentIsRefused() {
    given().contentType(ContentType.JSON).body("{\"type\":\"agent.replied\",\"text\":\"hi\"}")
        .when().post("/api/conversations/{id}/events", "a-" + UUID.randomUUID())
        .then().statusCode(400).body("field", equalTo("agent"));
  }

  @Test
  void badListLimitIsRefused() {
    given().queryParam("limit", "many").when().get("/api/journeys").then().statusCode(400)
        .body("field", equalTo("limit"));
  }

  @Test
  void healthReportsTemporalAndMetricsAreExposed() {
    given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("temporal"));
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("temporal_");
  }


  @Test
  void outboxListsTheRecordedMessagesOfAConversationAndRefusesALimitOutOfRange() {
    String conversation = "outbox-" + UUID.randomUUID();
    MessageOutboxStore outbox = new MessageOutboxStore(dataSource);
    assertThat(outbox.insertOrExisting(conversation + "/1", conversation, "web_widget", "first", "sent")).isNull();
    assertThat(outbox.insertOrExisting(conversation + "/2", conversation, "web_widget", "second", "pending")).isNull();
    assertThat(outbox.insertOrExisting(conversation + "/1", conversation, "web_widget", "again", "pending"))
        .as("a key written once answers the first row's status").isEqualTo("sent");
    given().when().get("/api/outbox/messages?conversationId={c}", conversation).then().statusCode(200)
        .body("body", equalTo(List.of("second", "first")))
        .body("idempotencyKey", equalTo(List.of(conversation + "/2", conversation + "/1")))
        .body("[0].createdAt", notNullValue());
    given().when().get("/api/outbox/messages?conversationId={c}&limit=1", conversation).then().statusCode(200)
        .body("body", equalTo(List.of("second")));
    given().when().get("/api/outbox/notifications?limit=0").then().statusCode(400)
        .contentType("application/problem+json").body("field", equalTo("limit"))
        .body("type", equalTo("https://handoff.dev/problems/invalid-request"));
  }
}
